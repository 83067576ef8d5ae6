import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../api/client';
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
      await api(`/journeys/${journeyId}/activate`, {
        body: {
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
      });
      onActivated();
    } catch (e) {
      setError(
        e instanceof ApiError
          ? [e.message, ...(e.problem.errors ?? []).map((x) => `${x.path}: ${x.message}`)].join(
              ' · ',
            )
          : String(e),
      );
    }
  }

  const num = (set: (n: number) => void) => (e: { target: { value: string } }) =>
    set(Number(e.target.value));
  return (
    <Dialog title={t('activate.title')} onClose={onClose} wide>
      <form onSubmit={activate} className="activate-form">
        <p className="muted">{t('activate.intro')}</p>
        <div className="grid-2">
          <div className="field">
            <label htmlFor="enrollment">{t('activate.enrollment')}</label>
            <input
              id="enrollment"
              className="input"
              type="number"
              min={0}
              max={100}
              value={enrollment}
              onChange={num(setEnrollment)}
            />
            <span className="help">{t('activate.enrollmentHelp')}</span>
          </div>
          <div className="field">
            <label htmlFor="holdout">{t('activate.holdout')}</label>
            <input
              id="holdout"
              className="input"
              type="number"
              min={0}
              max={99}
              value={holdout}
              onChange={num(setHoldout)}
            />
            <span className="help">{t('activate.holdoutHelp')}</span>
          </div>
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
          <div className="field">
            <label htmlFor="cooldown">{t('activate.cooldownDays')}</label>
            <input
              id="cooldown"
              className="input"
              type="number"
              min={0}
              value={cooldownDays}
              onChange={num(setCooldownDays)}
            />
          </div>
        </div>
        <fieldset className="fieldset">
          <legend>
            <label>
              <input type="checkbox" checked={quiet} onChange={(e) => setQuiet(e.target.checked)} />{' '}
              {t('activate.quietHours')}
            </label>
          </legend>
          <div className="row">
            <label className="label" htmlFor="quiet-from">
              {t('activate.quietFrom')}
            </label>
            <input
              id="quiet-from"
              className="input"
              type="time"
              value={quietFrom}
              disabled={!quiet}
              onChange={(e) => setQuietFrom(e.target.value)}
            />
            <label className="label" htmlFor="quiet-to">
              {t('activate.quietTo')}
            </label>
            <input
              id="quiet-to"
              className="input"
              type="time"
              value={quietTo}
              disabled={!quiet}
              onChange={(e) => setQuietTo(e.target.value)}
            />
          </div>
        </fieldset>
        <fieldset className="fieldset">
          <legend>
            <label>
              <input type="checkbox" checked={cap} onChange={(e) => setCap(e.target.checked)} />{' '}
              {t('activate.frequencyCap')}
            </label>
          </legend>
          <div className="row">
            <label className="label" htmlFor="cap-max">
              {t('activate.capMax')}
            </label>
            <input
              id="cap-max"
              className="input"
              type="number"
              min={1}
              value={capMax}
              disabled={!cap}
              onChange={num(setCapMax)}
            />
            <label className="label" htmlFor="cap-hours">
              {t('activate.capPerHours')}
            </label>
            <input
              id="cap-hours"
              className="input"
              type="number"
              min={1}
              value={capHours}
              disabled={!cap}
              onChange={num(setCapHours)}
            />
          </div>
        </fieldset>
        <fieldset className="fieldset">
          <legend>
            <label>
              <input type="checkbox" checked={goal} onChange={(e) => setGoal(e.target.checked)} />{' '}
              {t('activate.goal')}
            </label>
          </legend>
          <div className="row">
            <label className="label" htmlFor="goal-event">
              {t('activate.goalEvent')}
            </label>
            <input
              id="goal-event"
              className="input"
              value={goalEvent}
              disabled={!goal}
              onChange={(e) => setGoalEvent(e.target.value)}
            />
            <label className="label" htmlFor="goal-days">
              {t('activate.goalWindowDays')}
            </label>
            <input
              id="goal-days"
              className="input"
              type="number"
              min={1}
              value={goalDays}
              disabled={!goal}
              onChange={num(setGoalDays)}
            />
          </div>
        </fieldset>
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
