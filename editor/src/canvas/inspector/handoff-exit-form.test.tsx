import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { ExitForm } from './exit-form';
import { HandoffForm, withWaiting } from './handoff-form';
import { renderForm, setupInspectorTests, templateDefinition } from './test-utils';

setupInspectorTests();

describe('handoff form', () => {
  test('queue and note', () => {
    const { last } = renderForm(HandoffForm, templateDefinition('abandoned_cart'), 'handoff_help');
    fireEvent.change(screen.getByLabelText('Equipo'), { target: { value: 'soporte' } });
    expect(last().queue).toBe('soporte');
    fireEvent.change(screen.getByLabelText('Nota para el equipo'), { target: { value: '' } });
    expect(last()).not.toHaveProperty('note');
  });

  test('the run can wait for the agent, for a time the marketer sets', () => {
    const { last } = renderForm(HandoffForm, templateDefinition('abandoned_cart'), 'handoff_help');
    expect(screen.getByText(/sigue enseguida por «después»/)).toBeTruthy();
    fireEvent.click(
      screen.getByRole('checkbox', {
        name: 'Pausar el recorrido hasta que el agente cierre la conversación',
      }),
    );
    expect(last()).toMatchObject({ waitForAgent: true, timeout: { amount: 2, unit: 'days' } });
  });
});

describe('withWaiting', () => {
  test('an output that ended the run keeps ending it, both ways', () => {
    const base = { type: 'handoff' as const, queue: 'ventas', exitPorts: ['next'] };
    const waiting = withWaiting(base, true);
    expect(waiting.exitPorts).toEqual(['sold', 'solved', 'no_sale', 'timeout']);
    expect(withWaiting(waiting, false)).toEqual(base);
    expect(withWaiting({ type: 'handoff', queue: 'ventas' }, true)).not.toHaveProperty('exitPorts');
  });
});

describe('exit form', () => {
  test('the outcome is typed or picked by its words, with "converted" suggested', () => {
    const { last } = renderForm(ExitForm, templateDefinition('reactivation'), 'exit_no_response');
    expect(screen.getByTestId('outcome-words').textContent).toContain('«sin respuesta»');
    fireEvent.click(screen.getByRole('button', { name: '★ compró' }));
    expect(last().outcome).toBe('converted');
    fireEvent.change(screen.getByLabelText('Resultado'), { target: { value: 'compró en tienda' } });
    expect(last().outcome).toBe('compro_en_tienda');
    // An exit ends the run: it has no visit bound.
    expect(screen.queryByLabelText('Máximo de pasadas (bucles)')).toBeNull();
  });
});
