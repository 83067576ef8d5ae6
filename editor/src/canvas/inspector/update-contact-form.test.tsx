import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { renderForm, setupInspectorTests, templateDefinition } from './test-utils';
import { UpdateContactForm, withConsent } from './update-contact-form';

setupInspectorTests();

describe('update contact form', () => {
  test('consent changes per channel', () => {
    const { last } = renderForm(
      UpdateContactForm,
      templateDefinition('abandoned_cart'),
      'update_opt_out',
    );
    expect((screen.getByLabelText('WhatsApp') as HTMLSelectElement).value).toBe('revoke');
    fireEvent.change(screen.getByLabelText('SMS'), { target: { value: 'revoke' } });
    expect(last().consent).toEqual([
      { channel: 'whatsapp', granted: false },
      { channel: 'sms', granted: false },
    ]);
    fireEvent.change(screen.getByLabelText('WhatsApp'), { target: { value: 'keep' } });
    expect(last().consent).toEqual([{ channel: 'sms', granted: false }]);
  });

  test('tags are added as chips and removed with their button', () => {
    const { last } = renderForm(
      UpdateContactForm,
      templateDefinition('abandoned_cart'),
      'update_opt_out',
    );
    const input = screen.getByLabelText('Agregar etiquetas');
    fireEvent.change(input, { target: { value: 'baja_whatsapp' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    fireEvent.change(input, { target: { value: 'carrito, ' } });
    expect(last().addTags).toEqual(['baja_whatsapp', 'carrito']);
    fireEvent.click(screen.getByRole('button', { name: 'Quitar carrito' }));
    expect(last().addTags).toEqual(['baja_whatsapp']);
  });

  test('attributes are set as key/value rows with a type', () => {
    const { last } = renderForm(
      UpdateContactForm,
      templateDefinition('abandoned_cart'),
      'update_opt_out',
    );
    fireEvent.click(screen.getByRole('button', { name: /Agregar atributo/ }));
    fireEvent.change(screen.getByLabelText('Atributo 1'), { target: { value: 'opted_out_at' } });
    expect(last().set).toEqual({ opted_out_at: '' });
    fireEvent.change(screen.getByLabelText('Valor 1'), { target: { value: '{{ event.name }}' } });
    expect(last().set).toEqual({ opted_out_at: '{{ event.name }}' });
    fireEvent.change(screen.getByLabelText('Tipo de Valor 1'), { target: { value: 'number' } });
    fireEvent.change(screen.getByLabelText('Valor 1'), { target: { value: '3' } });
    expect(last().set).toEqual({ opted_out_at: 3 });
    fireEvent.click(screen.getByRole('button', { name: 'Quitar la fila 1' }));
    expect(last().set).toEqual({});
  });

  test('withConsent keeps the order of the other changes', () => {
    const consent = [
      { channel: 'whatsapp' as const, granted: false },
      { channel: 'sms' as const, granted: false },
    ];
    expect(withConsent(consent, 'whatsapp', 'grant')).toEqual([
      { channel: 'whatsapp', granted: true },
      { channel: 'sms', granted: false },
    ]);
  });
});
