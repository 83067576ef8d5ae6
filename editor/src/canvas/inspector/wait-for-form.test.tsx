import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { renderForm, setupInspectorTests, templateDefinition } from './test-utils';
import { WaitForForm } from './wait-for-form';

setupInspectorTests();

function card(title: string): HTMLElement {
  const element = screen.getByText(title).closest('li');
  if (!element) throw new Error(`no card ${title}`);
  return element;
}

describe('wait for form', () => {
  test('each signal shows its output as the marketer reads it', () => {
    renderForm(WaitForForm, templateDefinition('abandoned_cart'), 'wait_cart');
    expect(within(card('Señal 1')).getByText('→ tocó «Comprar»')).toBeTruthy();
    expect(within(card('Señal 4')).getByText('→ compró')).toBeTruthy();
    expect(screen.getByText(/sin respuesta en 24 h/)).toBeTruthy();
  });

  test('reply buttons come from the referenced send', () => {
    const { last } = renderForm(WaitForForm, templateDefinition('abandoned_cart'), 'wait_cart');
    const button = within(card('Señal 2')).getByLabelText('Botón') as HTMLSelectElement;
    expect([...button.options].map((o) => o.value)).toEqual(['buy', 'help']);
    fireEvent.change(button, { target: { value: 'buy' } });
    // 'tapped_help' was the automatic name: it follows the button, without taking signal 1's port.
    expect(last().signals[1]).toEqual({
      port: 'tapped_buy_2',
      kind: 'reply',
      match: { buttonId: 'buy' },
    });
  });

  test('an automatic port follows the match; intent and saveAs are stored', () => {
    const { last } = renderForm(WaitForForm, templateDefinition('reactivation'), 'wait_whatsapp');
    const first = card('Señal 1');
    fireEvent.change(within(first).getByLabelText('Que coincida con'), {
      target: { value: 'intent' },
    });
    expect(last().signals[0]).toEqual({
      port: 'replied_yes',
      kind: 'reply',
      match: { intent: 'yes' },
    });
    fireEvent.change(within(first).getByLabelText('Intención'), { target: { value: 'opt_out' } });
    expect(last().signals[0]).toMatchObject({ port: 'opted_out', match: { intent: 'opt_out' } });
    fireEvent.change(within(first).getByLabelText('Guardar respuesta en el atributo'), {
      target: { value: 'nps' },
    });
    expect(last().signals[0]).toMatchObject({ saveAs: 'nps' });
  });

  test('keywords are typed as chips', () => {
    const { last } = renderForm(WaitForForm, templateDefinition('reactivation'), 'wait_whatsapp');
    const first = card('Señal 1');
    fireEvent.change(within(first).getByLabelText('Que coincida con'), {
      target: { value: 'keywords' },
    });
    const input = within(first).getByLabelText('Palabras clave');
    fireEvent.change(input, { target: { value: 'precio' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    fireEvent.change(input, { target: { value: 'envío, talla' } });
    expect(last().signals[0]).toEqual({
      port: 'replied_precio',
      kind: 'reply',
      match: { keywords: ['precio', 'envío', 'talla'] },
    });
  });

  test('signals are added, changed to an event scoped to the contact, and the timeout is required', () => {
    const { last } = renderForm(WaitForForm, templateDefinition('reactivation'), 'wait_whatsapp');
    fireEvent.change(screen.getByLabelText('Tipo de la nueva señal'), {
      target: { value: 'event' },
    });
    fireEvent.click(screen.getByRole('button', { name: /Agregar señal/ }));
    const third = card('Señal 3');
    fireEvent.change(within(third).getByLabelText('Nombre del evento'), {
      target: { value: 'order_placed' },
    });
    fireEvent.change(within(third).getByLabelText('Alcance'), { target: { value: 'contact' } });
    expect(last().signals[2]).toEqual({
      port: 'order_placed',
      kind: 'event',
      event: 'order_placed',
      filters: [],
      scope: 'contact',
    });
    fireEvent.change(screen.getByLabelText('Si no pasa nada en: Cantidad'), {
      target: { value: '72' },
    });
    expect(last().timeout).toEqual({ amount: 72, unit: 'hours' });
  });

  test('the message select lists the send steps', () => {
    const { last } = renderForm(WaitForForm, templateDefinition('reactivation'), 'wait_whatsapp');
    const select = screen.getByLabelText('Señales de qué mensaje');
    fireEvent.change(select, { target: { value: '' } });
    expect(last().messageNodeId).toBeUndefined();
    fireEvent.change(select, { target: { value: 'send_sms' } });
    expect(last().messageNodeId).toBe('send_sms');
  });

  test('a port typed by hand is cleaned, and an empty one never reaches the step', () => {
    const { last, onChange } = renderForm(
      WaitForForm,
      templateDefinition('reactivation'),
      'wait_whatsapp',
    );
    const port = within(card('Señal 2')).getByLabelText('Salida');
    fireEvent.change(port, { target: { value: '' } });
    expect(onChange).not.toHaveBeenCalled();
    expect(screen.getByText(/Usa letras, números/)).toBeTruthy();
    fireEvent.change(port, { target: { value: 'leyó el mensaje' } });
    expect(last().signals[1]?.port).toBe('leyo_el_mensaje');
  });
});
