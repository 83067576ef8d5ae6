import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { BranchForm } from './branch-form';
import { renderForm, setupInspectorTests, templateDefinition } from './test-utils';

setupInspectorTests();

function card(title: string): HTMLElement {
  const element = screen.getByText(title).closest('li');
  if (!element) throw new Error(`no card ${title}`);
  return element;
}

describe('branch form', () => {
  test('shows the cases in order and "otherwise" as the last, fixed output', () => {
    renderForm(BranchForm, templateDefinition('abandoned_cart'), 'branch_intent');
    expect(within(card('Caso 1')).getByText('→ Pidió la baja')).toBeTruthy();
    const otherwise = card('Si no');
    expect(within(otherwise).getByText('→ si no')).toBeTruthy();
    expect(within(otherwise).queryByRole('textbox')).toBeNull();
    // An engagement condition picks the intent from a list.
    expect(
      (within(card('Caso 1')).getByLabelText('Valor (condición 1)') as HTMLSelectElement).value,
    ).toBe('opt_out');
  });

  test('a new case gets a port from its label, and conditions take typed values per operator', () => {
    const { last } = renderForm(BranchForm, templateDefinition('abandoned_cart'), 'branch_intent');
    fireEvent.click(screen.getByRole('button', { name: /Agregar caso/ }));
    const second = card('Caso 2');
    fireEvent.change(within(second).getByLabelText('Etiqueta'), {
      target: { value: 'Carrito grande' },
    });
    expect(last().cases[1]).toMatchObject({ port: 'carrito_grande', label: 'Carrito grande' });

    fireEvent.change(within(second).getByLabelText('Origen (condición 1)'), {
      target: { value: 'event' },
    });
    fireEvent.change(within(second).getByLabelText('Campo (condición 1)'), {
      target: { value: 'cart_total' },
    });
    fireEvent.change(within(second).getByLabelText('Operador (condición 1)'), {
      target: { value: 'gt' },
    });
    const value = within(second).getByLabelText('Valor (condición 1)');
    expect(value.getAttribute('type')).toBe('number');
    fireEvent.change(value, { target: { value: '1000' } });
    expect(last().cases[1]?.conditions).toEqual([
      { source: 'event', field: 'cart_total', op: 'gt', value: 1000 },
    ]);

    fireEvent.change(within(second).getByLabelText('Operador (condición 1)'), {
      target: { value: 'exists' },
    });
    expect(last().cases[1]?.conditions).toEqual([
      { source: 'event', field: 'cart_total', op: 'exists' },
    ]);
    expect(within(second).queryByLabelText('Valor (condición 1)')).toBeNull();
  });

  test('"is one of" takes a comma-separated list; cases can be reordered', () => {
    const { last } = renderForm(BranchForm, templateDefinition('abandoned_cart'), 'branch_intent');
    fireEvent.click(screen.getByRole('button', { name: /Agregar caso/ }));
    const second = card('Caso 2');
    fireEvent.change(within(second).getByLabelText('Campo (condición 1)'), {
      target: { value: 'city' },
    });
    fireEvent.change(within(second).getByLabelText('Operador (condición 1)'), {
      target: { value: 'in' },
    });
    fireEvent.change(within(second).getByLabelText('Valor (condición 1)'), {
      target: { value: 'CDMX, Monterrey,' },
    });
    expect(last().cases[1]?.conditions[0]).toEqual({
      source: 'contact',
      field: 'city',
      op: 'in',
      value: ['CDMX', 'Monterrey'],
    });
    expect((within(second).getByLabelText('Valor (condición 1)') as HTMLInputElement).value).toBe(
      'CDMX, Monterrey,',
    );

    fireEvent.click(screen.getByRole('button', { name: 'Subir Caso 2' }));
    expect(last().cases.map((c) => c.port)).toEqual(['case_2', 'opt_out']);
  });

  test('a second condition is added; the last one cannot be removed', () => {
    const { last } = renderForm(BranchForm, templateDefinition('abandoned_cart'), 'branch_intent');
    const first = card('Caso 1');
    expect(within(first).getByRole('button', { name: 'Quitar la condición 1' })).toHaveProperty(
      'disabled',
      true,
    );
    fireEvent.click(within(first).getByRole('button', { name: /Agregar condición/ }));
    fireEvent.change(within(first).getByLabelText('Campo (condición 2)'), {
      target: { value: 'vip' },
    });
    fireEvent.change(within(first).getByLabelText('Tipo de Valor'), {
      target: { value: 'boolean' },
    });
    expect(last().cases[0]?.conditions[1]).toEqual({
      source: 'contact',
      field: 'vip',
      op: 'eq',
      value: false,
    });
  });
});
