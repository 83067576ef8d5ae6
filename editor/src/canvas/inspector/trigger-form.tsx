import type { JourneyDefinition, Trigger, TriggerKind } from '@ruta/shared';
import { useId, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditor } from '../../store/editor-context';
import { ConditionList } from './condition-builder';
import { Field, Section } from './field';
import { GoalSettings } from './goal-settings';
import {
  COMMON_EVENT_PROPERTIES,
  journeyEventProperties,
  journeyEvents,
  unique,
} from './journey-variables';

const KINDS: TriggerKind[] = ['event', 'segment', 'schedule', 'manual'];

const defaults: { [K in TriggerKind]: Extract<Trigger, { kind: K }> } = {
  event: { kind: 'event', event: '', filters: [] },
  segment: { kind: 'segment', conditions: [] },
  schedule: { kind: 'schedule', every: 'day', at: '10:00', conditions: [] },
  manual: { kind: 'manual' },
};

const WEEK = [1, 2, 3, 4, 5, 6, 0] as const;

/** How contacts enter (event, segment, schedule, manual), then the journey's goal. */
export function TriggerForm() {
  const { t } = useTranslation();
  const trigger = useEditor((s) => s.definition.trigger);
  const definition = useEditor((s) => s.definition);
  const setTrigger = useEditor((s) => s.setTrigger);
  const readOnly = useEditor((s) => s.readOnly);
  // The other kinds' settings, so trying another kind and coming back loses nothing.
  const previous = useRef<Partial<Record<TriggerKind, Trigger>>>({});
  return (
    <fieldset className="insp-form" disabled={readOnly}>
      <Section title={t('inspector.entry')}>
        <Field label={t('inspector.triggerKind')} path={['kind']}>
          {(control) => (
            <select
              {...control}
              className="input"
              value={trigger.kind}
              onChange={(e) => {
                const kind = e.target.value as TriggerKind;
                previous.current[trigger.kind] = trigger;
                setTrigger(previous.current[kind] ?? defaults[kind]);
              }}
            >
              {KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`inspector.triggerKinds.${kind}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <TriggerFields trigger={trigger} definition={definition} onChange={setTrigger} />
      </Section>
      <hr className="insp-divider" />
      <GoalSettings />
    </fieldset>
  );
}

function TriggerFields({
  trigger,
  definition,
  onChange,
}: {
  trigger: Trigger;
  definition: JourneyDefinition;
  onChange: (trigger: Trigger) => void;
}) {
  const { t } = useTranslation();
  const eventsId = useId();
  const keysId = useId();
  const events = useMemo(() => journeyEvents(definition), [definition]);
  const properties = useMemo(
    () =>
      unique([
        'cart_id',
        'order_id',
        ...COMMON_EVENT_PROPERTIES,
        ...journeyEventProperties(definition),
      ]),
    [definition],
  );
  switch (trigger.kind) {
    case 'event':
      return (
        <>
          <Field label={t('inspector.triggerEvent')} path={['event']}>
            {(control) => (
              <>
                <input
                  {...control}
                  className="input mono"
                  list={eventsId}
                  placeholder="cart_abandoned"
                  value={trigger.event}
                  onChange={(e) => onChange({ ...trigger, event: e.target.value.trim() })}
                />
                <datalist id={eventsId}>
                  {events.map((event) => (
                    <option key={event} value={event} />
                  ))}
                </datalist>
              </>
            )}
          </Field>
          <ConditionList
            legend={t('inspector.eventFilters')}
            empty={t('inspector.noFilters')}
            conditions={trigger.filters}
            sources={['event']}
            definition={definition}
            path={['filters']}
            onChange={(filters) => onChange({ ...trigger, filters })}
          />
          <Field
            label={t('inspector.entryKey')}
            help={t('inspector.entryKeyHelp')}
            path={['entryKey']}
          >
            {(control) => (
              <>
                <input
                  {...control}
                  className="input mono"
                  list={keysId}
                  placeholder="cart_id"
                  value={trigger.entryKey ?? ''}
                  onChange={(e) => {
                    const { entryKey: _old, ...rest } = trigger;
                    const key = e.target.value.trim();
                    onChange(key ? { ...rest, entryKey: key } : rest);
                  }}
                />
                <datalist id={keysId}>
                  {properties.map((property) => (
                    <option key={property} value={property} />
                  ))}
                </datalist>
              </>
            )}
          </Field>
        </>
      );
    case 'segment':
      return (
        <ConditionList
          legend={t('inspector.segmentConditions')}
          empty={t('inspector.everyone')}
          conditions={trigger.conditions}
          sources={['contact']}
          definition={definition}
          path={['conditions']}
          onChange={(conditions) => onChange({ ...trigger, conditions })}
        />
      );
    case 'schedule':
      return (
        <>
          <div className="grid-2">
            <Field label={t('inspector.every')} path={['every']}>
              {(control) => (
                <select
                  {...control}
                  className="input"
                  value={trigger.every}
                  onChange={(e) => {
                    const every = e.target.value as 'day' | 'week';
                    const { weekday: _old, ...rest } = trigger;
                    onChange(
                      every === 'week'
                        ? { ...rest, every, weekday: trigger.weekday ?? 1 }
                        : { ...rest, every },
                    );
                  }}
                >
                  <option value="day">{t('inspector.everyDay')}</option>
                  <option value="week">{t('inspector.everyWeek')}</option>
                </select>
              )}
            </Field>
            <Field label={t('inspector.at')} path={['at']}>
              {(control) => (
                <input
                  {...control}
                  type="time"
                  className="input"
                  value={trigger.at}
                  onChange={(e) => onChange({ ...trigger, at: e.target.value })}
                />
              )}
            </Field>
          </div>
          {trigger.every === 'week' && (
            <Field label={t('inspector.weekday')} path={['weekday']}>
              {(control) => (
                <select
                  {...control}
                  className="input"
                  value={trigger.weekday ?? 1}
                  onChange={(e) => onChange({ ...trigger, weekday: Number(e.target.value) })}
                >
                  {WEEK.map((day) => (
                    <option key={day} value={day}>
                      {t(`inspector.weekdayNames.${day}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
          <p className="help">{t('inspector.scheduleHelp')}</p>
          <ConditionList
            legend={t('inspector.scheduleConditions')}
            empty={t('inspector.everyone')}
            conditions={trigger.conditions}
            sources={['contact']}
            definition={definition}
            path={['conditions']}
            onChange={(conditions) => onChange({ ...trigger, conditions })}
          />
        </>
      );
    case 'manual':
      return <p className="help">{t('inspector.manualHelp')}</p>;
  }
}
