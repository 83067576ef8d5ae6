import { channelNames, channelsCarried } from '@ruta/shared';
import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { currentLang } from '../i18n/index';
import { type ChannelView, useCreateChannel, useUpdateChannel } from './api';
import {
  clearedOnEdit,
  EDITABLE_PROVIDERS,
  type EditableProvider,
  type FieldSpec,
  type FormValues,
  initialValues,
  isOptional,
  isSecret,
  PROVIDER_FIELDS,
  passwordNeededAgain,
  placeServerErrors,
  toConfig,
  validateConfig,
} from './channel-fields';
import { ProviderIcon } from './provider-icon';

type Mode = { kind: 'create' } | { kind: 'edit'; channel: ChannelView };

/**
 * Add a channel (provider choice, then its fields) or edit one. Secrets are password inputs that
 * start empty; on edit, one left empty keeps the stored value and is not sent.
 */
export function ChannelForm({ mode, onDone }: { mode: Mode; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const editing = mode.kind === 'edit' ? mode.channel : undefined;
  const [provider, setProvider] = useState<EditableProvider>(
    editing && editing.provider !== 'sandbox' ? editing.provider : 'whatsapp',
  );
  const [name, setName] = useState(editing?.name ?? '');
  const [values, setValues] = useState<FormValues>(() =>
    initialValues(provider, editing?.config ?? {}),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string[]>([]);
  const create = useCreateChannel();
  const update = useUpdateChannel(editing?.id ?? '');
  const busy = create.isPending || update.isPending;
  const form = useRef<HTMLFormElement>(null);
  // After a failed save, the first field with a problem gets the focus.
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (attempt > 0) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt]);
  const fields = PROVIDER_FIELDS[provider];

  function chooseProvider(next: EditableProvider) {
    setProvider(next);
    setValues(initialValues(next));
    setErrors({});
    setGeneral([]);
  }

  function setValue(key: string, value: string | boolean) {
    setValues((current) => ({ ...current, [key]: value }));
    setErrors(({ [key]: _fixed, ...rest }) => rest);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const config = toConfig(provider, values);
    const issues = validateConfig(provider, config, mode.kind);
    if (passwordNeededAgain(provider, config, editing)) issues.password = 'passwordAgain';
    const found: Record<string, string> = {};
    for (const [key, issue] of Object.entries(issues)) {
      found[key] =
        issue === 'required'
          ? t('channels.required')
          : issue === 'passwordAgain'
            ? t('channels.passwordAgain')
            : t(`channels.fields.${provider}.${key}.invalid`, {
                defaultValue: t('channels.invalid'),
              });
    }
    if (!name.trim()) found.name = t('channels.nameRequired');
    setErrors(found);
    setGeneral([]);
    if (Object.keys(found).length > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    try {
      if (editing)
        await update.mutateAsync({
          name: name.trim(),
          config: clearedOnEdit(provider, values, config, editing.config),
        });
      else await create.mutateAsync({ provider, name: name.trim(), config });
      onDone();
    } catch (e) {
      if (!(e instanceof ApiError)) {
        setGeneral([String(e)]);
        return;
      }
      const placed = placeServerErrors(
        e.problem.errors ?? [],
        fields.map((f) => f.key),
        currentLang(),
      );
      setErrors(placed.atField);
      setGeneral([e.text(currentLang()), ...placed.general]);
      setAttempt((n) => n + 1);
    }
  }

  const carried =
    provider === 'twilio' ? channelsCarried(provider, { from: values.from }) : undefined;
  const renderField = (field: FieldSpec) => (
    <ConfigField
      key={`${provider}-${field.key}`}
      provider={provider}
      field={field}
      value={values[field.key] ?? ''}
      stored={!!editing?.secretsSet.includes(field.key)}
      error={errors[field.key]}
      onChange={(value) => setValue(field.key, value)}
    />
  );

  return (
    <form ref={form} onSubmit={submit} noValidate className="channel-form">
      {!editing && (
        <fieldset className="provider-choice">
          <legend className="label">{t('channels.provider')}</legend>
          {EDITABLE_PROVIDERS.map((option) => (
            <button
              key={option}
              type="button"
              aria-pressed={provider === option}
              className={provider === option ? 'provider-card selected' : 'provider-card'}
              onClick={() => chooseProvider(option)}
            >
              <strong>
                <ProviderIcon provider={option} /> {t(`channels.providers.${option}`)}
              </strong>
              <span>{t(`channels.providerHelp.${option}`)}</span>
            </button>
          ))}
        </fieldset>
      )}
      <FormField label={t('channels.name')} error={errors.name}>
        {(control) => (
          <input
            {...control}
            className="input"
            value={name}
            placeholder={t(`channels.namePlaceholder.${provider}`)}
            onChange={(e) => {
              setName(e.target.value);
              setErrors(({ name: _fixed, ...rest }) => rest);
            }}
          />
        )}
      </FormField>
      {fields.filter((f) => !f.advanced).map(renderField)}
      {carried && (
        <p className="help">
          {t('channels.willCarry', { channels: carried.map((c) => channelNames[c]).join(', ') })}
        </p>
      )}
      {fields.some((f) => f.advanced) && (
        <details
          className="channel-advanced"
          open={fields.some((f) => f.advanced && (errors[f.key] || values[f.key]))}
        >
          <summary>{t('channels.advanced')}</summary>
          {fields.filter((f) => f.advanced).map(renderField)}
        </details>
      )}
      {general.length > 0 && (
        <p className="notice notice-error" role="alert">
          {general.join(' · ')}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onDone}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {editing ? t('common.save') : t('channels.create')}
        </button>
      </div>
    </form>
  );
}

function ConfigField({
  provider,
  field,
  value,
  stored,
  error,
  onChange,
}: {
  provider: EditableProvider;
  field: FieldSpec;
  value: string | boolean;
  /** On edit: a secret with a saved value (the input stays empty). */
  stored: boolean;
  error: string | undefined;
  onChange: (value: string | boolean) => void;
}) {
  const { t } = useTranslation();
  const base = `channels.fields.${provider}.${field.key}`;
  const secret = isSecret(provider, field.key);
  const label = (
    <>
      {t(`${base}.label`)}
      {isOptional(provider, field.key) && (
        <span className="optional"> · {t('channels.optional')}</span>
      )}
    </>
  );
  const help = [t(`${base}.help`), secret ? t('channels.secretHelp') : '']
    .filter(Boolean)
    .join(' ');
  if (field.input === 'boolean') {
    return (
      <div className="field channel-check">
        <label>
          <input
            type="checkbox"
            checked={value === true}
            onChange={(e) => onChange(e.target.checked)}
          />{' '}
          {t(`${base}.label`)}
        </label>
        <p className="help">{help}</p>
      </div>
    );
  }
  return (
    <FormField label={label} help={help} error={error}>
      {(control) => (
        <input
          {...control}
          className={field.mono ? 'input mono' : 'input'}
          type={secret ? 'password' : field.input === 'number' ? 'number' : 'text'}
          autoComplete={secret ? 'new-password' : 'off'}
          spellCheck={false}
          value={typeof value === 'string' ? value : ''}
          placeholder={
            secret && stored
              ? t('channels.keepSecret')
              : t(`${base}.placeholder`, { defaultValue: '' })
          }
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </FormField>
  );
}

interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

/** A labelled input with its help and, when there is one, its error announced with it. */
function FormField({
  label,
  help,
  error,
  children,
}: {
  label: ReactNode;
  help?: string;
  error?: string | undefined;
  children: (control: ControlProps) => ReactNode;
}) {
  const id = useId();
  const described = [help ? `${id}-help` : '', error ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        ...(described ? { 'aria-describedby': described } : {}),
        ...(error ? { 'aria-invalid': true as const } : {}),
      })}
      {error && (
        <p id={`${id}-error`} className="channel-field-error">
          {error}
        </p>
      )}
      {help && (
        <p id={`${id}-help`} className="help">
          {help}
        </p>
      )}
    </div>
  );
}
