import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, call, client } from '../api/client';
import { currentLang } from '../i18n/index';
import { Dialog } from '../shell/dialog';
import { useEditor } from '../store/editor-context';
import { type ActivationForm, activationForm, activationRequest } from './activation-form';
import { DurationInput } from './inspector/duration-input';

/**
 * Pilot settings: enrollment %, holdout %, end date (60–90 days ahead), re-entry, quiet hours,
 * frequency cap, goal. It opens on the journey's settings and sends each one whole (off: null), so
 * what the marketer sees here is what runs.
 */
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
  const [form, setForm] = useState(() => activationForm(settings));
  const [error, setError] = useState<string>();
  const set = <K extends keyof ActivationForm>(key: K, value: ActivationForm[K]) =>
    setForm((current) => ({ ...current, [key]: value }));
  const { quiet, cap, goal } = form;

  async function activate(event: FormEvent) {
    event.preventDefault();
    try {
      await call(
        client.journeys[':id'].activate.$post({
          param: { id: journeyId },
          json: activationRequest(settings, form),
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
            value={form.enrollmentPercent}
            onChange={(n) => set('enrollmentPercent', n)}
          />
          <NumberField
            id="holdout"
            label={t('activate.holdout')}
            help={t('activate.holdoutHelp')}
            min={0}
            max={99}
            value={form.holdoutPercent}
            onChange={(n) => set('holdoutPercent', n)}
          />
          <div className="field">
            <label htmlFor="ends-at">{t('activate.endsAt')}</label>
            <input
              id="ends-at"
              className="input"
              type="date"
              value={form.endsAt}
              onChange={(e) => set('endsAt', e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="reentry">{t('activate.reentry')}</label>
            <select
              id="reentry"
              className="input"
              value={form.reentry}
              onChange={(e) => set('reentry', e.target.value as ActivationForm['reentry'])}
            >
              <option value="never">{t('activate.reentryNever')}</option>
              <option value="after_exit">{t('activate.reentryAfterExit')}</option>
              <option value="always">{t('activate.reentryAlways')}</option>
            </select>
          </div>
          <DurationInput
            legend={t('activate.cooldownDays')}
            value={form.cooldown}
            onChange={(cooldown) => set('cooldown', cooldown)}
          />
        </div>
        <ToggleFieldset
          legend={t('activate.quietHours')}
          checked={quiet.on}
          onToggle={(on) => set('quiet', { ...quiet, on })}
        >
          <InlineInput
            id="quiet-from"
            label={t('activate.quietFrom')}
            type="time"
            value={quiet.start}
            disabled={!quiet.on}
            onChange={(start) => set('quiet', { ...quiet, start })}
          />
          <InlineInput
            id="quiet-to"
            label={t('activate.quietTo')}
            type="time"
            value={quiet.end}
            disabled={!quiet.on}
            onChange={(end) => set('quiet', { ...quiet, end })}
          />
        </ToggleFieldset>
        <ToggleFieldset
          legend={t('activate.frequencyCap')}
          checked={cap.on}
          onToggle={(on) => set('cap', { ...cap, on })}
        >
          <InlineInput
            id="cap-max"
            label={t('activate.capMax')}
            type="number"
            value={String(cap.max)}
            disabled={!cap.on}
            onChange={(v) => set('cap', { ...cap, max: Number(v) })}
          />
          <DurationInput
            legend={t('activate.capPerHours')}
            value={cap.per}
            min={1}
            disabled={!cap.on}
            onChange={(per) => set('cap', { ...cap, per })}
          />
        </ToggleFieldset>
        <ToggleFieldset
          legend={t('activate.goal')}
          checked={goal.on}
          onToggle={(on) => set('goal', { ...goal, on })}
        >
          <InlineInput
            id="goal-event"
            label={t('activate.goalEvent')}
            value={goal.event}
            disabled={!goal.on}
            onChange={(event) => set('goal', { ...goal, event })}
          />
          <DurationInput
            legend={t('activate.goalWindowDays')}
            value={goal.window}
            min={1}
            disabled={!goal.on}
            onChange={(window) => set('goal', { ...goal, window })}
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
