import { API_KEY_SCOPES, type ApiKeyScope } from '@ruta/shared';
import { KeyRound } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../api/client';
import { useLang } from '../canvas/inspector/use-lang';
import { ConfirmDialog } from '../shell/confirm-dialog';
import { CopyField } from '../shell/copy-field';
import { Dialog } from '../shell/dialog';
import { type ApiKey, type NewApiKey, useApiKeys, useCreateApiKey, useRevokeApiKey } from './api';
import { formatWhen } from './format';

/** The workspace's API keys: create one (shown once), see when each was last used, revoke. */
export function ApiKeysSection() {
  const { t, i18n } = useTranslation();
  const keys = useApiKeys({ enabled: true });
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const when = (iso: string | null) =>
    iso ? formatWhen(iso, i18n.resolvedLanguage) : t('team.never');
  const list = keys.data ?? [];
  return (
    <section className="card team-section" aria-labelledby="keys-title">
      <div className="section-head">
        <div>
          <h2 id="keys-title">{t('team.apiKeys')}</h2>
          <p className="help">{t('team.apiKeysHelp')}</p>
        </div>
        <button type="button" className="btn btn-primary btn-sm" onClick={() => setCreating(true)}>
          <KeyRound size={14} aria-hidden /> {t('team.newKey')}
        </button>
      </div>
      {keys.isLoading ? (
        <p className="muted">{t('common.loading')}</p>
      ) : list.length === 0 ? (
        <p className="muted">{t('team.noKeys')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>{t('team.keyNamed')}</th>
              <th>{t('team.keyScope')}</th>
              <th>{t('team.keyPrefix')}</th>
              <th>{t('team.created')}</th>
              <th>{t('team.lastUsed')}</th>
              <th aria-label={t('team.revoke')} />
            </tr>
          </thead>
          <tbody>
            {list.map((key) => (
              <tr
                key={key.id}
                className={key.revokedAt ? 'revoked' : undefined}
                data-testid={`api-key-${key.name}`}
              >
                <td>
                  <strong>{key.name}</strong>
                  {key.createdBy.email && <div className="help">{key.createdBy.email}</div>}
                </td>
                <td>{t(`team.scopes.${key.scope}`)}</td>
                <td className="mono">{key.prefix}…</td>
                <td className="muted">{when(key.createdAt)}</td>
                <td className="muted">{when(key.lastUsedAt)}</td>
                <td className="actions">
                  {key.revokedAt ? (
                    <span className="badge badge-stopped">{t('team.revoked')}</span>
                  ) : (
                    <button
                      type="button"
                      className="btn btn-sm btn-danger"
                      onClick={() => setRevoking(key)}
                    >
                      {t('team.revoke')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {creating && <CreateKeyDialog onClose={() => setCreating(false)} />}
      {revoking && <RevokeDialog apiKey={revoking} onClose={() => setRevoking(null)} />}
    </section>
  );
}

function CreateKeyDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const create = useCreateApiKey();
  const [name, setName] = useState('');
  const [scope, setScope] = useState<ApiKeyScope>('ingest');
  const [made, setMade] = useState<NewApiKey | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setMade(await create.mutateAsync({ name: name.trim(), scope }).catch(() => null));
  }

  if (made)
    return (
      <Dialog title={t('team.keyCreated')} onClose={onClose}>
        <CopyField label={made.name} value={made.key} testId="new-api-key" />
        <p className="notice notice-warn">{t('team.keyShownOnce')}</p>
        <div className="dialog-actions">
          <button type="button" className="btn btn-primary" onClick={onClose}>
            {t('team.done')}
          </button>
        </div>
      </Dialog>
    );
  return (
    <Dialog title={t('team.newKeyTitle')} onClose={onClose}>
      <form onSubmit={submit}>
        <div className="field">
          <label htmlFor="key-name">{t('team.keyName')}</label>
          <input
            id="key-name"
            className="input"
            required
            maxLength={80}
            placeholder={t('team.keyNamePlaceholder')}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <fieldset className="field role-options">
          <legend>{t('team.keyScope')}</legend>
          {API_KEY_SCOPES.map((s) => (
            <label key={s} className="role-option">
              <input
                type="radio"
                name="key-scope"
                value={s}
                checked={scope === s}
                onChange={() => setScope(s)}
              />
              <span>{t(`team.scopes.${s}`)}</span>
            </label>
          ))}
        </fieldset>
        {create.error && (
          <p className="notice notice-error" role="alert">
            {errorText(create.error, lang)}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={create.isPending}>
            {t('team.newKey')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function RevokeDialog({ apiKey, onClose }: { apiKey: ApiKey; onClose: () => void }) {
  const { t } = useTranslation();
  const revoke = useRevokeApiKey();
  return (
    <ConfirmDialog
      title={t('team.revokeTitle', { name: apiKey.name })}
      confirmLabel={t('team.revoke')}
      pending={revoke.isPending}
      error={revoke.error}
      onConfirm={() => revoke.mutate(apiKey.id, { onSuccess: onClose })}
      onClose={onClose}
    >
      <p>{t('team.revokeBody')}</p>
    </ConfirmDialog>
  );
}
