import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../api/client';
import { useLang } from '../canvas/inspector/use-lang';
import { CopyField } from '../shell/copy-field';
import type { Member } from '../team/api';
import { type QueueSettings, useSaveQueue } from './api';
import { queueName } from './words';

/** One queue: the members emailed on each new conversation, and an optional signed webhook. */
export function QueueSettingsForm({
  queue,
  members,
}: {
  queue: QueueSettings;
  members: readonly Member[];
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const save = useSaveQueue();
  const [notify, setNotify] = useState<string[]>(queue.notifyUserIds);
  const [webhookUrl, setWebhookUrl] = useState(queue.webhookUrl ?? '');
  const [saved, setSaved] = useState(false);
  const name = queueName(t, queue.queue);
  const id = useId();

  function toggle(userId: string, on: boolean) {
    setSaved(false);
    setNotify(on ? [...notify, userId] : notify.filter((id) => id !== userId));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate(
      { queue: queue.queue, notifyUserIds: notify, webhookUrl: webhookUrl.trim() || null },
      { onSuccess: () => setSaved(true) },
    );
  }

  const secret = save.data?.secret;
  return (
    <form className="inbox-queue-form" onSubmit={submit} aria-label={name}>
      <h3 className="inbox-queue-name">{t('inbox.queueSettings.queue', { queue: name })}</h3>
      <fieldset className="inbox-queue-members">
        <legend className="label">{t('inbox.queueSettings.emails')}</legend>
        {members.map((m) => (
          <label key={m.userId} className="inbox-check">
            <input
              type="checkbox"
              checked={notify.includes(m.userId)}
              onChange={(e) => toggle(m.userId, e.target.checked)}
            />
            <span>{m.name ? `${m.name} (${m.email})` : m.email}</span>
          </label>
        ))}
        <span className="help">{t('inbox.queueSettings.emailsHelp')}</span>
      </fieldset>
      <div className="field">
        <label className="label" htmlFor={`${id}-webhook`}>
          {t('inbox.queueSettings.webhook')}
        </label>
        <input
          id={`${id}-webhook`}
          className="input"
          type="url"
          value={webhookUrl}
          placeholder="https://"
          onChange={(e) => {
            setSaved(false);
            setWebhookUrl(e.target.value);
          }}
        />
        <span className="help">
          {queue.signed || save.data?.signed
            ? t('inbox.queueSettings.signed')
            : t('inbox.queueSettings.webhookHelp')}
        </span>
      </div>
      {secret && (
        <div className="notice inbox-secret" data-testid="queue-secret">
          <CopyField label={t('inbox.queueSettings.secret')} value={secret} />
          <p className="help">{t('inbox.queueSettings.secretOnce')}</p>
          <p className="help">
            {t('inbox.queueSettings.signature')}{' '}
            <code>Ruta-Signature: t=…,v1=HMAC-SHA256(secret, "t.body")</code>
          </p>
        </div>
      )}
      {save.error ? (
        <p className="notice notice-error" role="alert">
          {errorText(save.error, lang)}
        </p>
      ) : null}
      <div className="row">
        <button type="submit" className="btn btn-sm btn-primary" disabled={save.isPending}>
          {t('inbox.queueSettings.save', { queue: name })}
        </button>
        {saved && (
          <span className="help" role="status">
            {t('inbox.queueSettings.saved')}
          </span>
        )}
      </div>
    </form>
  );
}
