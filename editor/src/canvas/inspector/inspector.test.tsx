import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { Inspector } from './inspector';
import { renderWithStore, setupInspectorTests, templateDefinition } from './test-utils';

setupInspectorTests();

describe('inspector', () => {
  test('without a selection it says what to do', () => {
    renderWithStore(<Inspector />, templateDefinition('abandoned_cart'));
    expect(screen.getByText('Selecciona un paso para configurarlo.')).toBeTruthy();
  });

  test('shows the step kind, its summary and deletes the step', () => {
    const { store } = renderWithStore(
      <Inspector />,
      templateDefinition('abandoned_cart'),
      'send_cart',
    );
    expect(screen.getByRole('heading', { name: 'Enviar mensaje' })).toBeTruthy();
    expect(
      screen.getByText(/WhatsApp · plantilla carrito_abandonado · si falla: SMS/),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Eliminar paso' }));
    expect(store.getState().definition.nodes.send_cart).toBeUndefined();
  });

  test('a problem shows at the top and on the field, and goes away when fixed', () => {
    renderWithStore(<Inspector />, templateDefinition('abandoned_cart'), 'send_cart');
    const sms = screen.getByLabelText('Texto del SMS');
    fireEvent.change(sms, { target: { value: '' } });
    expect(screen.getByRole('alert').textContent).toMatch(/1 problema/);
    expect(sms.getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(sms, { target: { value: 'Hola' } });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  test('renaming an output keeps its connection', () => {
    const { store } = renderWithStore(
      <Inspector />,
      templateDefinition('abandoned_cart'),
      'wait_cart',
    );
    const fourth = screen.getByText('Señal 4').closest('li') as HTMLElement;
    fireEvent.change(within(fourth).getByLabelText('Salida'), { target: { value: 'compro' } });
    const { edges } = store.getState().definition;
    expect(edges).toContainEqual({
      id: 'wait_cart.compro',
      source: 'wait_cart',
      sourcePort: 'compro',
      target: 'exit_converted',
    });
    expect(edges.some((e) => e.source === 'wait_cart' && e.sourcePort === 'ordered')).toBe(false);
    expect(store.getState().problems).toEqual([]);
  });

  test('outputs list where each one leads; an unconnected one can end the journey', () => {
    const { store } = renderWithStore(
      <Inspector />,
      templateDefinition('abandoned_cart'),
      'send_buy_link',
    );
    const outputs = screen
      .getByRole('heading', { name: 'Salidas' })
      .closest('section') as HTMLElement;
    expect(within(outputs).getByRole('button', { name: /Tocó «Comprar»/ })).toBeTruthy();
    const ends = within(outputs).getByRole('checkbox', { name: 'Termina aquí' });
    expect(ends).toHaveProperty('checked', true);
    fireEvent.click(ends);
    expect(store.getState().definition.nodes.send_buy_link?.exitPorts).toBeUndefined();
    expect(store.getState().problems.map((p) => p.code)).toContain('unconnected_port');
  });

  test('the trigger shows its form with the goal settings', () => {
    renderWithStore(<Inspector />, templateDefinition('abandoned_cart'), 'trigger');
    expect(screen.getByRole('heading', { name: 'Disparador' })).toBeTruthy();
    expect((screen.getByLabelText('Cuando ocurre el evento') as HTMLInputElement).value).toBe(
      'cart_abandoned',
    );
    expect((screen.getByLabelText('Evento del objetivo') as HTMLInputElement).value).toBe(
      'order_placed',
    );
  });
});
