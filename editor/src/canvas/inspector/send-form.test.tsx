import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { SendForm } from './send-form';
import { renderForm, setupInspectorTests, templateDefinition } from './test-utils';

setupInspectorTests();

function section(heading: string): HTMLElement {
  const element = screen.getByRole('heading', { name: heading }).closest('section');
  if (!element) throw new Error(`no section ${heading}`);
  return element;
}

describe('send form', () => {
  test('editing the SMS text sends a new node and updates the segment counter', () => {
    const { last } = renderForm(SendForm, templateDefinition('abandoned_cart'), 'send_cart');
    const sms = screen.getByLabelText('Texto del SMS');
    fireEvent.change(sms, { target: { value: 'Hola, tu carrito te espera' } });
    expect(last().content.sms).toEqual({ text: 'Hola, tu carrito te espera' });
    expect(last().content.whatsapp?.template?.name).toBe('carrito_abandonado');
    expect(within(section('SMS · respaldo 1')).getByText(/1 segmento ·/)).toBeTruthy();

    fireEvent.change(sms, { target: { value: 'á'.repeat(71) } });
    expect(
      within(section('SMS · respaldo 1')).getByText(/2 segmentos · 71\/134 caracteres · UCS-2/),
    ).toBeTruthy();
  });

  test('an SMS with accents outside GSM-7 offers to drop them, saying how many segments it saves', () => {
    const { last } = renderForm(SendForm, templateDefinition('abandoned_cart'), 'send_cart');
    const sms = screen.getByLabelText('Texto del SMS');
    fireEvent.change(sms, { target: { value: `Tu carrito está aquí. ${'a'.repeat(60)}` } });
    const button = screen.getByTestId('sms-without-accents');
    expect(button.textContent).toBe('Quitar acentos (ahorra 1 segmento)');
    fireEvent.click(button);
    expect(last().content.sms?.text).toBe(`Tu carrito esta aqui. ${'a'.repeat(60)}`);
    expect(screen.queryByTestId('sms-without-accents')).toBeNull();
  });

  test('switching the main channel keeps fallbacks apart and restores content when switched back', () => {
    const { last } = renderForm(SendForm, templateDefinition('abandoned_cart'), 'send_cart');
    const channels = section('Canales');
    fireEvent.click(within(channels).getByRole('button', { name: 'Email' }));
    expect(last().channel).toBe('email');
    expect(last().fallbackChannels).toEqual(['sms']);
    expect(last().content.whatsapp).toBeUndefined();
    expect(last().content.email?.subject).toBe('');

    fireEvent.click(within(channels).getByRole('button', { name: 'WhatsApp' }));
    expect(last().channel).toBe('whatsapp');
    expect(last().content.whatsapp?.buttons.map((b) => b.id)).toEqual(['buy', 'help']);
  });

  test('“not delivered in time” tries the next channel after the chosen wait, and needs a fallback', () => {
    const { last } = renderForm(SendForm, templateDefinition('abandoned_cart'), 'send_cart');
    expect(screen.getByText(/avisa después que el mensaje no se entregó/)).toBeTruthy();
    fireEvent.click(screen.getByTestId('fallback-after-toggle'));
    expect(last().fallbackAfter).toEqual({ amount: 30, unit: 'minutes' });
    fireEvent.click(screen.getByTestId('fallback-after-toggle'));
    expect(last().fallbackAfter).toBeUndefined();
    fireEvent.click(screen.getByTestId('fallback-after-toggle'));
    // Without a fallback channel there is nothing to try next: the option goes with it.
    fireEvent.click(screen.getByRole('checkbox', { name: /SMS/ }));
    expect(last().fallbackChannels).toEqual([]);
    expect(last().fallbackAfter).toBeUndefined();
    expect(screen.queryByTestId('fallback-after-toggle')).toBeNull();
  });

  test('fallback channels are added in order and can be reordered', () => {
    const { last } = renderForm(SendForm, templateDefinition('abandoned_cart'), 'send_cart');
    fireEvent.click(screen.getByRole('checkbox', { name: /RCS/ }));
    expect(last().fallbackChannels).toEqual(['sms', 'rcs']);
    expect(last().content.rcs?.text).toContain('{{ contact.first_name }}');
    fireEvent.click(screen.getByRole('button', { name: 'Subir RCS' }));
    expect(last().fallbackChannels).toEqual(['rcs', 'sms']);
  });

  test('WhatsApp template, language and buttons are edited in place', () => {
    const { last } = renderForm(SendForm, templateDefinition('abandoned_cart'), 'send_cart');
    fireEvent.change(screen.getByLabelText('Idioma'), { target: { value: 'pt_BR' } });
    expect(last().content.whatsapp?.template?.language).toBe('pt_BR');
    fireEvent.change(screen.getByLabelText('Texto del botón 2'), { target: { value: 'Dudas' } });
    expect(last().content.whatsapp?.buttons[1]).toEqual({ id: 'help', text: 'Dudas' });
    fireEvent.click(screen.getByRole('button', { name: /Agregar botón/ }));
    expect(last().content.whatsapp?.buttons).toHaveLength(3);
    expect(screen.getByRole('button', { name: /Agregar botón/ })).toHaveProperty('disabled', true);
  });

  test('the variable picker inserts the variable at the cursor of the focused field', () => {
    const { last } = renderForm(SendForm, templateDefinition('abandoned_cart'), 'send_cart');
    const sms = screen.getByLabelText('Texto del SMS') as HTMLTextAreaElement;
    fireEvent.change(sms, { target: { value: 'Hola , vuelve' } });
    sms.focus();
    sms.setSelectionRange(5, 5);
    const smsSection = section('SMS · respaldo 1');
    fireEvent.click(within(smsSection).getByRole('button', { name: /Insertar variable/ }));
    const menu = within(smsSection).getByRole('menu');
    expect(within(menu).getByText('Se inserta en: Texto del SMS')).toBeTruthy();
    expect(within(menu).getByRole('menuitem', { name: 'event.cart_url' })).toBeTruthy();
    fireEvent.click(within(menu).getByRole('menuitem', { name: 'contact.first_name' }));
    expect(last().content.sms?.text).toBe('Hola {{ contact.first_name }}, vuelve');
    expect(within(smsSection).queryByRole('menu')).toBeNull();
  });

  test('the preview renders the message for Lucía, and Liquid errors inline', async () => {
    renderForm(SendForm, templateDefinition('abandoned_cart'), 'send_cart');
    const preview = section('Vista previa');
    expect(await within(preview).findByText(/Hola Lucía, dejaste 3 productos/)).toBeTruthy();
    expect(within(preview).getByText('Comprar')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Texto del SMS'), {
      target: { value: 'Hola {{ contact.first_name ' },
    });
    fireEvent.click(within(preview).getByRole('button', { name: 'SMS' }));
    expect(await within(preview).findByRole('alert')).toBeTruthy();
  });

  test('the email preview shows the rendered subject', async () => {
    renderForm(SendForm, templateDefinition('reactivation'), 'send_email');
    const preview = section('Vista previa');
    expect(
      await within(preview).findByText('Lucía, te guardamos un 15 % de descuento'),
    ).toBeTruthy();
  });
});
