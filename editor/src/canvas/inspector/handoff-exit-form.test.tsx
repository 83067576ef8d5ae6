import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { ExitForm } from './exit-form';
import { HandoffForm } from './handoff-form';
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
