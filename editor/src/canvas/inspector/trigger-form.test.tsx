import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { renderWithStore, setupInspectorTests, templateDefinition } from './test-utils';
import { TriggerForm } from './trigger-form';

setupInspectorTests();

describe('trigger form', () => {
  test('event trigger: name, property filters and entry key', () => {
    const { store } = renderWithStore(<TriggerForm />, templateDefinition('abandoned_cart'));
    fireEvent.change(screen.getByLabelText('Cuando ocurre el evento'), {
      target: { value: 'checkout_started' },
    });
    fireEvent.click(screen.getAllByRole('button', { name: /Agregar condición/ })[0] as HTMLElement);
    fireEvent.change(screen.getByLabelText('Campo (condición 1)'), {
      target: { value: 'cart_total' },
    });
    fireEvent.change(screen.getByLabelText('Operador (condición 1)'), { target: { value: 'gte' } });
    fireEvent.change(screen.getByLabelText('Valor (condición 1)'), { target: { value: '500' } });
    fireEvent.change(screen.getByLabelText('Clave de entrada (un recorrido por…)'), {
      target: { value: 'checkout_id' },
    });
    expect(store.getState().definition.trigger).toEqual({
      kind: 'event',
      event: 'checkout_started',
      filters: [{ source: 'event', field: 'cart_total', op: 'gte', value: 500 }],
      entryKey: 'checkout_id',
    });
  });

  test('schedule trigger: every week on a weekday at a time, with conditions', () => {
    const { store } = renderWithStore(<TriggerForm />, templateDefinition('reactivation'));
    fireEvent.change(screen.getByLabelText('Frecuencia'), { target: { value: 'week' } });
    fireEvent.change(screen.getByLabelText('Día'), { target: { value: '5' } });
    fireEvent.change(screen.getByLabelText('A las'), { target: { value: '11:30' } });
    fireEvent.change(screen.getByLabelText('Valor (condición 1)'), { target: { value: '90' } });
    expect(store.getState().definition.trigger).toEqual({
      kind: 'schedule',
      every: 'week',
      weekday: 5,
      at: '11:30',
      conditions: [{ source: 'contact', field: 'last_order_at', op: 'older_than_days', value: 90 }],
    });
  });

  test('switching kinds uses defaults and switching back restores the trigger', () => {
    const definition = templateDefinition('abandoned_cart');
    const { store } = renderWithStore(<TriggerForm />, definition);
    const kind = screen.getByLabelText('Cuándo entra alguien');
    fireEvent.change(kind, { target: { value: 'manual' } });
    expect(store.getState().definition.trigger).toEqual({ kind: 'manual' });
    expect(screen.getByText('Los contactos entran por la API o importando un CSV.')).toBeTruthy();
    fireEvent.change(kind, { target: { value: 'segment' } });
    expect(store.getState().definition.trigger).toEqual({ kind: 'segment', conditions: [] });
    fireEvent.change(kind, { target: { value: 'event' } });
    expect(store.getState().definition.trigger).toEqual(definition.trigger);
  });

  test('the goal is part of the draft settings', () => {
    const { store } = renderWithStore(<TriggerForm />, templateDefinition('abandoned_cart'));
    fireEvent.change(screen.getByLabelText('Ventana: Cantidad'), { target: { value: '7' } });
    fireEvent.click(screen.getByLabelText('Al cumplirlo, sale del flujo'));
    expect(store.getState().definition.settings.goal).toEqual({
      event: 'order_placed',
      filters: [],
      window: { amount: 7, unit: 'days' },
      exitOnGoal: false,
    });
    fireEvent.click(screen.getByLabelText('Medir un objetivo'));
    expect(store.getState().definition.settings.goal).toBeUndefined();
    expect(store.getState().definition.settings.reentry).toEqual({ mode: 'always' });
  });
});
