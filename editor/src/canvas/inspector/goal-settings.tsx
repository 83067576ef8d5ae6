import type { Goal } from '@ruta/shared';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditor } from '../../store/editor-context';
import { ConditionList } from './condition-builder';
import { DurationInput } from './duration-input';
import { Field, Section } from './field';
import { journeyEvents } from './journey-variables';
import { ProblemsProvider } from './problems-context';

const GOAL_BASE = ['settings', 'goal'];
const DEFAULT_GOAL: Goal = {
  event: 'order_placed',
  filters: [],
  window: { amount: 3, unit: 'days' },
  exitOnGoal: true,
};

/** The journey's conversion goal, part of the draft: event, window and whether reaching it ends the run. */
export function GoalSettings() {
  const { t } = useTranslation();
  const listId = useId();
  const definition = useEditor((s) => s.definition);
  const setSettings = useEditor((s) => s.setSettings);
  const problems = useEditor((s) => s.problems);
  const { settings } = definition;
  const goal = settings.goal;
  const setGoal = (next: Goal | undefined) => {
    const { goal: _old, ...rest } = settings;
    setSettings(next ? { ...rest, goal: next } : rest);
  };
  return (
    <ProblemsProvider problems={problems} base={GOAL_BASE}>
      <Section title={t('inspector.goal')}>
        <div className="field check-field">
          <label>
            <input
              type="checkbox"
              checked={goal !== undefined}
              onChange={(e) => setGoal(e.target.checked ? DEFAULT_GOAL : undefined)}
            />{' '}
            {t('inspector.goalOn')}
          </label>
          <p className="help">{t('inspector.goalHelp')}</p>
        </div>
        {goal && (
          <>
            <Field label={t('inspector.goalEvent')} path={['event']}>
              {(control) => (
                <>
                  <input
                    {...control}
                    className="input mono"
                    list={listId}
                    value={goal.event}
                    onChange={(e) => setGoal({ ...goal, event: e.target.value.trim() })}
                  />
                  <datalist id={listId}>
                    {journeyEvents(definition).map((event) => (
                      <option key={event} value={event} />
                    ))}
                  </datalist>
                </>
              )}
            </Field>
            <DurationInput
              legend={t('inspector.goalWindow')}
              help={t('inspector.goalWindowHelp')}
              value={goal.window}
              path={['window']}
              onChange={(window) => setGoal({ ...goal, window })}
            />
            <div className="field check-field">
              <label>
                <input
                  type="checkbox"
                  checked={goal.exitOnGoal}
                  onChange={(e) => setGoal({ ...goal, exitOnGoal: e.target.checked })}
                />{' '}
                {t('inspector.exitOnGoal')}
              </label>
            </div>
            <ConditionList
              legend={t('inspector.eventFilters')}
              empty={t('inspector.noFilters')}
              conditions={goal.filters}
              sources={['event']}
              definition={definition}
              path={['filters']}
              onChange={(filters) => setGoal({ ...goal, filters })}
            />
          </>
        )}
      </Section>
    </ProblemsProvider>
  );
}
