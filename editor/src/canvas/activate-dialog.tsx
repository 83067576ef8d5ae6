import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, call, client } from '../api/client';
import { currentLang } from '../i18n/index';
import { Dialog } from '../shell/dialog';
import { useEditor } from '../store/editor-context';

function isoDate(daysAhead: number): string {
  return new Date(Date.now() + daysAhead * 86_400_000).toISOString().slice(0, 10);
}

/** Pilot settings: enrollment %, holdout %, end date (60–90 days ahead), re-entry, quiet hours, frequency cap, goal. */
export function ActivateDialog({
  journeyId,
  onClose,
  onActivated,
}: {
  journeyId: string;
  onClose: () => void;
  onActivated: () => void;
}) {
  const { t } = useTranslation();
  const settings = useEditor((s) => s.definition.settings);
  const [enrollment, setEnrollment] = useState(settings.pilot?.enrollmentPercent ?? 100);
  const [holdout, setHoldout] = useState(settings.pilot?.holdoutPercent ?? 10);
  const [endsAt, setEndsAt] = useState(settings.pilot?.endsAt ?? isoDate(75));
  const [reentry, setReentry] = useState(settings.reentry.mode);
  const [cooldownDays, setCooldownDays] = useState(
    settings.reentry.cooldown?.unit === 'days' ? settings.reentry.cooldown.amount : 0,
  );
  const [quiet, setQuiet] = useState(Boolean(settings.quietHours));
  const [quietFrom, setQuietFrom] = useState(settings.quietHours?.start ?? '21:00');
  const [quietTo, setQuietTo] = useState(settings.quietHours?.end ?? '08:00');
  const [cap, setCap] = useState(Boolean(settings.frequencyCap));
  const [capMax, setCapMax] = useState(settings.frequencyCap?.max ?? 3);
  const [capHours, setCapHours] = useState(24);
  const [goal, setGoal] = useState(Boolean(settings.goal));
  const [goalEvent, setGoalEvent] = useState(settings.goal?.event ?? 'order_placed');
  const [goalDays, setGoalDays] = useState(
    settings.goal?.window.unit === 'days' ? settings.goal.window.amount : 7,
  );
  const [error, setError] = useState<string>();

  async function activate(event: FormEvent) {
    event.preventDefault();
    try {
      await call(
        client.journeys[':id'].activate.$post({
          param: { id: journeyId },
          json: {
            pilot: { enrollmentPercent: enrollment, holdoutPercent: holdout, endsAt },
            reentry: {
              mode: reentry,
              ...(cooldownDays > 0 ? { cooldown: { amount: cooldownDays, unit: 'days' } } : {}),
            },
            quietHours: quiet ? { start: quietFrom, end: quietTo } : null,
            frequencyCap: cap
              ? {
                  max: capMax,
                  per: { amount: capHours, unit: 'hours' },
                  channel: 'all',
                  whenCapped: 'wait',
                }
              : null,
            goal: goal
              ? {
                  event: goalEvent,
                  filters: [],
                  window: { amount: goalDays, unit: 'days' },
                  exitOnGoal: true,
                }
              : null,
          },
        }),
      );
      onActivated();
    } catch (e) {
      setError(e instanceof ApiError ? e.fullText(currentLang()) : String(e));
    }
  }

  return (
    <Dialog title={t('activate.title')} onClose={onClose} wide>
      <form onSubmit={activate} className="activate-form">
        <p className="muted">{t('activate.intro')}</p>
        <div className="grid-2">
          <NumberField
            id="enrollment"
            label={t('activate.enrollment')}
            help={t('activate.enrollmentHelp')}
            min={0}
            max={100}
            value={enrollment}
            onChange={setEnrollment}
          />
          <NumberField
            id="holdout"
            label={t('activate.holdout')}
            help={t('activate.holdoutHelp')}
            min={0}
            max={99}
            value={holdout}
            onChange={setHoldout}
          />
          <div className="field">
            <label htmlFor="ends-at">{t('activate.endsAt')}</label>
            <input
              id="ends-at"
              className="input"
              type="date"
              value={endsAt}
              onChange={(e) => setEndsAt(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="reentry">{t('activate.reentry')}</label>
            <select
              id="reentry"
              className="input"
              value={reentry}
              onChange={(e) => setReentry(e.target.value as typeof reentry)}
            >
              <option value="never">{t('activate.reentryNever')}</option>
              <option value="after_exit">{t('activate.reentryAfterExit')}</option>
              <option value="always">{t('activate.reentryAlways')}</option>
            </select>
          </div>
          <NumberField
            id="cooldown"
            label={t('activate.cooldownDays')}
            min={0}
            value={cooldownDays}
            onChange={setCooldownDays}
          />
        </div>
        <ToggleFieldset legend={t('activate.quietHours')} checked={quiet} onToggle={setQuiet}>
          <InlineInput
            id="quiet-from"
            label={t('activate.quietFrom')}
            type="time"
            value={quietFrom}
            disabled={!quiet}
            onChange={setQuietFrom}
          />
          <InlineInput
            id="quiet-to"
            label={t('activate.quietTo')}
            type="time"
            value={quietTo}
            disabled={!quiet}
            onChange={setQuietTo}
          />
        </ToggleFieldset>
        <ToggleFieldset legend={t('activate.frequencyCap')} checked={cap} onToggle={setCap}>
          <InlineInput
            id="cap-max"
            label={t('activate.capMax')}
            type="number"
            value={String(capMax)}
            disabled={!cap}
            onChange={(v) => setCapMax(Number(v))}
          />
          <InlineInput
            id="cap-hours"
            label={t('activate.capPerHours')}
            type="number"
            value={String(capHours)}
            disabled={!cap}
            onChange={(v) => setCapHours(Number(v))}
          />
        </ToggleFieldset>
        <ToggleFieldset legend={t('activate.goal')} checked={goal} onToggle={setGoal}>
          <InlineInput
            id="goal-event"
            label={t('activate.goalEvent')}
            value={goalEvent}
            disabled={!goal}
            onChange={setGoalEvent}
          />
          <InlineInput
            id="goal-days"
            label={t('activate.goalWindowDays')}
            type="number"
            value={String(goalDays)}
            disabled={!goal}
            onChange={(v) => setGoalDays(Number(v))}
          />
        </ToggleFieldset>
        {error && (
          <p className="notice notice-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" data-testid="confirm-activate">
            {t('activate.confirm')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function NumberField(props: {
  id: string;
  label: string;
  help?: string;
  value: number;
  min?: number;
  max?: number;
  onChange: (n: number) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        className="input"
        type="number"
        min={props.min}
        max={props.max}
        value={props.value}
        onChange={(e) => props.onChange(Number(e.target.value))}
      />
      {props.help && <span className="help">{props.help}</span>}
    </div>
  );
}

/** A group of settings switched on and off as a whole (quiet hours, frequency cap, goal). */
function ToggleFieldset({
  legend,
  checked,
  onToggle,
  children,
}: {
  legend: string;
  checked: boolean;
  onToggle: (on: boolean) => void;
  children: ReactNode;
}) {
  return (
    <fieldset className="fieldset">
      <legend>
        <label>
          <input type="checkbox" checked={checked} onChange={(e) => onToggle(e.target.checked)} />{' '}
          {legend}
        </label>
      </legend>
      <div className="row">{children}</div>
    </fieldset>
  );
}

function InlineInput(props: {
  id: string;
  label: string;
  value: string;
  type?: string;
  disabled: boolean;
  onChange: (value: string) => void;
}) {
  return (
    <>
      <label className="label" htmlFor={props.id}>
        {props.label}
      </label>
      <input
        id={props.id}
        className="input"
        type={props.type ?? 'text'}
        value={props.value}
        disabled={props.disabled}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </>
  );
}
