import { SOURCE_PLATFORMS, type SourcePlatform } from '@ruta/shared';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, errorText } from '../api/client';
import { currentLang } from '../i18n/index';
import { type SourceView, useCreateSource, useUpdateSource } from './api';
import { isSourceSecret, SOURCE_FIELDS, toSourceConfig } from './fields';

type Mode = { kind: 'create' } | { kind: 'edit'; source: SourceView };

/** Connect a source (platform, name, its credentials) or change one; secrets start empty. */
export function SourceForm({
  mode,
  onDone,
}: {
  mode: Mode;
  onDone: (created?: SourceView) => void;
}) {
  const { t } = useTranslation();
  const editing = mode.kind === 'edit' ? mode.source : undefined;
  const [platform, setPlatform] = useState<SourcePlatform>(editing?.platform ?? 'shopify');
  const [name, setName] = useState(editing?.name ?? '');
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      Object.entries(editing?.config ?? { defaultCountry: 'MX' }).map(([k, v]) => [k, String(v)]),
    ),
  );
  const create = useCreateSource();
  const update = useUpdateSource(editing?.id ?? '');
  const failure = create.error ?? update.error;
  const busy = create.isPending || update.isPending;
  const nameId = useId();

  function submit(event: FormEvent) {
    event.preventDefault();
    const config = toSourceConfig(platform, values);
    if (editing) update.mutate({ name, config }, { onSuccess: () => onDone() });
    else create.mutate({ platform, name, config }, { onSuccess: (created) => onDone(created) });
  }

  const fieldErrors = new Map(
    failure instanceof ApiError
      ? (failure.problem.errors ?? []).map((e) => [e.path.replace(/^config\./, ''), e.message])
      : [],
  );

  return (
    <form className="source-form" onSubmit={submit} noValidate>
      {!editing && (
        <fieldset className="field">
          <legend>{t('sources.platform')}</legend>
          <div className="platform-choice">
            {SOURCE_PLATFORMS.map((p) => (
              <label
                key={p}
                className={p === platform ? 'platform-option active' : 'platform-option'}
              >
                <input
                  type="radio"
                  name="platform"
                  value={p}
                  checked={p === platform}
                  onChange={() => setPlatform(p)}
                />{' '}
                {t(`sources.platforms.${p}`)}
              </label>
            ))}
          </div>
        </fieldset>
      )}
      <div className="field">
        <label htmlFor={nameId}>{t('sources.name')}</label>
        <input
          id={nameId}
          className="input"
          value={name}
          placeholder={t('sources.namePlaceholder')}
          onChange={(e) => setName(e.target.value)}
        />
      </div>
      {SOURCE_FIELDS[platform].map((field) => (
        <SourceField
          key={`${platform}.${field}`}
          platform={platform}
          field={field}
          value={values[field] ?? ''}
          stored={Boolean(editing?.secretsSet.includes(field))}
          error={fieldErrors.get(field)}
          onChange={(value) => setValues((v) => ({ ...v, [field]: value }))}
        />
      ))}
      {failure && (
        <p className="notice notice-error" role="alert">
          {errorText(failure, currentLang())}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={() => onDone()}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {editing ? t('common.save') : t('sources.connect')}
        </button>
      </div>
    </form>
  );
}

function SourceField({
  platform,
  field,
  value,
  stored,
  error,
  onChange,
}: {
  platform: SourcePlatform;
  field: string;
  value: string;
  stored: boolean;
  error: string | undefined;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const secret = isSourceSecret(platform, field);
  const base = `sources.fields.${field}`;
  return (
    <div className="field">
      <label htmlFor={id}>
        {t(`${base}.label`)}
        {field === 'defaultCountry' && <span className="optional"> · {t('sources.optional')}</span>}
      </label>
      <input
        id={id}
        className="input mono"
        type={secret ? 'password' : 'text'}
        autoComplete={secret ? 'new-password' : 'off'}
        spellCheck={false}
        value={value}
        aria-invalid={error ? true : undefined}
        placeholder={stored ? t('sources.keepSecret') : t(`${base}.placeholder`)}
        onChange={(e) => onChange(e.target.value)}
      />
      {error && <p className="channel-field-error">{error}</p>}
      <p className="help">{t(`${base}.help`)}</p>
    </div>
  );
}
