import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { evenPercents, SplitForm } from './split-form';
import { renderForm, setupInspectorTests, templateDefinition } from './test-utils';

setupInspectorTests();

describe('split form', () => {
  test('shows the running sum, and a warning when it is not 100', () => {
    const { last } = renderForm(SplitForm, templateDefinition('signal_fallback'), 'split_ab');
    expect(screen.getByRole('status').textContent).toBe('Suma: 100 %');
    fireEvent.change(screen.getByLabelText('Porcentaje de la variante 1'), {
      target: { value: '70' },
    });
    expect(last().variants.map((v) => v.percent)).toEqual([70, 50]);
    expect(screen.getByRole('status').textContent).toBe('Suma: 120 % (debe ser 100 %)');
    fireEvent.change(screen.getByLabelText('Porcentaje de la variante 2'), {
      target: { value: '30' },
    });
    expect(screen.getByRole('status').textContent).toBe('Suma: 100 %');
  });

  test('a new variant takes what is left, and "split evenly" rebalances', () => {
    const { last } = renderForm(SplitForm, templateDefinition('signal_fallback'), 'split_ab');
    fireEvent.change(screen.getByLabelText('Porcentaje de la variante 1'), {
      target: { value: '40' },
    });
    fireEvent.change(screen.getByLabelText('Porcentaje de la variante 2'), {
      target: { value: '40' },
    });
    fireEvent.click(screen.getByRole('button', { name: /Agregar variante/ }));
    expect(last().variants[2]).toEqual({ port: 'c', label: 'C', percent: 20 });
    fireEvent.click(screen.getByRole('button', { name: 'Repartir por igual' }));
    expect(last().variants.map((v) => v.percent)).toEqual([34, 33, 33]);
  });

  test('renaming a variant renames its automatic output; two variants are the minimum', () => {
    const { last } = renderForm(SplitForm, templateDefinition('signal_fallback'), 'split_ab');
    fireEvent.change(screen.getByLabelText('Nombre de la variante 2'), {
      target: { value: 'Con pregunta' },
    });
    expect(last().variants[1]).toMatchObject({ port: 'con_pregunta', label: 'Con pregunta' });
    expect(screen.getByRole('button', { name: 'Quitar la variante 1' })).toHaveProperty(
      'disabled',
      true,
    );
  });

  test('evenPercents always adds up to 100', () => {
    for (let n = 2; n <= 10; n++) expect(evenPercents(n).reduce((a, b) => a + b, 0)).toBe(100);
  });
});
