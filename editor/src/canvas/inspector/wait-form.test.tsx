import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { renderForm, setupInspectorTests, templateDefinition } from './test-utils';
import { WaitForm } from './wait-form';

setupInspectorTests();

describe('wait form', () => {
  test('the duration is edited with amount and unit', () => {
    const { last } = renderForm(WaitForm, templateDefinition('signal_fallback'), 'wait_day');
    fireEvent.change(screen.getByLabelText('Duración: Cantidad'), { target: { value: '3' } });
    expect(last().until).toEqual({ kind: 'duration', duration: { amount: 3, unit: 'days' } });
    fireEvent.change(screen.getByLabelText('Duración: Unidad'), { target: { value: 'hours' } });
    expect(last().until).toEqual({ kind: 'duration', duration: { amount: 3, unit: 'hours' } });
  });

  test('a cleared amount keeps the last valid duration until a number is typed', () => {
    const { last, onChange } = renderForm(
      WaitForm,
      templateDefinition('signal_fallback'),
      'wait_day',
    );
    const amount = screen.getByLabelText('Duración: Cantidad') as HTMLInputElement;
    fireEvent.change(amount, { target: { value: '' } });
    expect(onChange).not.toHaveBeenCalled();
    expect(amount.value).toBe('');
    fireEvent.change(amount, { target: { value: '12' } });
    expect(last().until).toEqual({ kind: 'duration', duration: { amount: 12, unit: 'days' } });
  });

  test('time of day with weekday toggles, Monday first', () => {
    const { last } = renderForm(WaitForm, templateDefinition('signal_fallback'), 'wait_day');
    fireEvent.change(screen.getByLabelText('Esperar'), { target: { value: 'time_of_day' } });
    expect(last().until).toEqual({ kind: 'time_of_day', time: '10:00' });
    fireEvent.change(screen.getByLabelText('Hasta la hora (zona del contacto)'), {
      target: { value: '09:30' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'viernes' }));
    fireEvent.click(screen.getByRole('button', { name: 'lunes' }));
    expect(last().until).toEqual({ kind: 'time_of_day', time: '09:30', weekdays: [1, 5] });
    fireEvent.click(screen.getByRole('button', { name: 'lunes' }));
    fireEvent.click(screen.getByRole('button', { name: 'viernes' }));
    expect(last().until).toEqual({ kind: 'time_of_day', time: '09:30' });
  });

  test('a date attribute with an offset before it, and switching back restores the duration', () => {
    const { last } = renderForm(WaitForm, templateDefinition('signal_fallback'), 'wait_day');
    const kind = screen.getByLabelText('Esperar');
    fireEvent.change(kind, { target: { value: 'date_attribute' } });
    fireEvent.change(screen.getByLabelText('Atributo'), { target: { value: 'renewal_at' } });
    fireEvent.change(screen.getByLabelText('Desfase: Cantidad'), { target: { value: '2' } });
    expect(last().until).toEqual({
      kind: 'date_attribute',
      attribute: 'renewal_at',
      offset: { amount: -2, unit: 'days' },
    });
    fireEvent.change(screen.getByLabelText('Cuándo'), { target: { value: 'after' } });
    expect(last().until).toMatchObject({ offset: { amount: 2, unit: 'days' } });
    fireEvent.change(kind, { target: { value: 'duration' } });
    expect(last().until).toEqual({ kind: 'duration', duration: { amount: 1, unit: 'days' } });
  });

  test('hours before the WhatsApp window closes', () => {
    const { last } = renderForm(WaitForm, templateDefinition('signal_fallback'), 'wait_day');
    fireEvent.change(screen.getByLabelText('Esperar'), { target: { value: 'whatsapp_window' } });
    fireEvent.change(screen.getByLabelText('Horas antes'), { target: { value: '4' } });
    expect(last().until).toEqual({ kind: 'whatsapp_window', hoursBefore: 4 });
  });

  test('a step on a loop offers the visit bound', () => {
    const { last } = renderForm(WaitForm, templateDefinition('signal_fallback'), 'wait_day');
    fireEvent.change(screen.getByLabelText('Máximo de pasadas (bucles)'), {
      target: { value: '5' },
    });
    expect(last().maxVisits).toBe(5);
    fireEvent.change(screen.getByLabelText('Nombre del paso'), { target: { value: 'Un día' } });
    expect(last().name).toBe('Un día');
  });
});
