import type { JourneyDefinition } from '@ruta/shared';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { renderForm, setupInspectorTests, templateDefinition } from './test-utils';
import { WebhookForm } from './webhook-form';

setupInspectorTests();

function withWebhook(): JourneyDefinition {
  const definition = templateDefinition('abandoned_cart');
  return {
    ...definition,
    nodes: {
      ...definition.nodes,
      notify_crm: {
        type: 'webhook',
        method: 'POST',
        url: 'https://crm.example/leads',
        headers: { Authorization: 'Bearer x' },
        body: '{"cart": "{{ event.cart_id }}"}',
        timeoutMs: 5000,
      },
    },
  };
}

describe('webhook form', () => {
  test('method, URL, headers, timeout and saveResponseAs', () => {
    const { last } = renderForm(WebhookForm, withWebhook(), 'notify_crm');
    fireEvent.change(screen.getByLabelText('Método'), { target: { value: 'PUT' } });
    fireEvent.change(screen.getByLabelText('URL'), {
      target: { value: 'https://crm.example/carts/{{ event.cart_id }}' },
    });
    expect(last()).toMatchObject({
      method: 'PUT',
      url: 'https://crm.example/carts/{{ event.cart_id }}',
    });

    fireEvent.click(screen.getByRole('button', { name: /Agregar encabezado/ }));
    fireEvent.change(screen.getByLabelText('Nombre 2'), { target: { value: 'X-Store' } });
    fireEvent.change(screen.getByLabelText('Valor 2'), { target: { value: 'mx' } });
    expect(last().headers).toEqual({ Authorization: 'Bearer x', 'X-Store': 'mx' });

    fireEvent.change(screen.getByLabelText('Tiempo máximo (ms)'), { target: { value: '8000' } });
    fireEvent.change(screen.getByLabelText('Guardar respuesta como'), {
      target: { value: 'crm_cart' },
    });
    expect(last()).toMatchObject({ timeoutMs: 8000, saveResponseAs: 'crm_cart' });
  });

  test('a repeated header name is flagged and left out until fixed', () => {
    const { last } = renderForm(WebhookForm, withWebhook(), 'notify_crm');
    fireEvent.click(screen.getByRole('button', { name: /Agregar encabezado/ }));
    fireEvent.change(screen.getByLabelText('Nombre 2'), { target: { value: 'Authorization' } });
    expect(screen.getByText('Repetido: solo cuenta la primera fila.')).toBeTruthy();
    expect(last().headers).toEqual({ Authorization: 'Bearer x' });
    fireEvent.change(screen.getByLabelText('Nombre 2'), { target: { value: 'Accept' } });
    expect(last().headers).toEqual({ Authorization: 'Bearer x', Accept: '' });
  });

  test('the variable picker inserts into the body', () => {
    const { last } = renderForm(WebhookForm, withWebhook(), 'notify_crm');
    const body = screen.getByLabelText('Cuerpo') as HTMLTextAreaElement;
    body.focus();
    body.setSelectionRange(body.value.length - 1, body.value.length - 1);
    fireEvent.click(screen.getByRole('button', { name: /Insertar variable/ }));
    fireEvent.click(
      within(screen.getByRole('menu')).getByRole('menuitem', { name: 'contact.phone' }),
    );
    expect(last().body).toBe('{"cart": "{{ event.cart_id }}"{{ contact.phone }}}');
  });
});
