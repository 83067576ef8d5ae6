import { channelNames } from '@ruta/shared';
import { Check, Copy, KeyRound, Pencil, Trash } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../auth/access';
import type { ChannelView } from './api';
import { isSecret, PROVIDER_FIELDS } from './channel-fields';
import { ProviderIcon } from './provider-icon';
import { TemplatesPanel } from './templates-panel';
import { WebhookReceipts } from './webhook-receipts';

/** One configured channel: what it carries, its settings (secrets only as "saved"), its webhook. */
export function ChannelCard({
  channel,
  onEdit,
  onDelete,
}: {
  channel: ChannelView;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  const manage = useCan('channels.manage');
  const provider = channel.provider;
  const fields = provider === 'sandbox' ? [] : PROVIDER_FIELDS[provider];
  return (
    <article className="card channel-card" aria-label={channel.name}>
      <header className="channel-card-head">
        <ProviderIcon provider={provider} size={20} />
        <div className="grow">
          <h2>{channel.name}</h2>
          <div className="help">
            {t(`channels.providers.${provider}`)} · {t('channels.carries')}:{' '}
            {channel.carries.map((c) => channelNames[c]).join(', ')}
          </div>
        </div>
        {manage && provider !== 'sandbox' && (
          <button type="button" className="btn btn-sm" onClick={onEdit}>
            <Pencil size={13} aria-hidden /> {t('channels.edit')}
          </button>
        )}
        {manage && (
          <button type="button" className="btn btn-sm btn-danger" onClick={onDelete}>
            <Trash size={13} aria-hidden /> {t('common.delete')}
          </button>
        )}
      </header>
      {fields.length > 0 && (
        <dl className="channel-config">
          {fields.map(({ key }) => {
            const label = t(`channels.fields.${provider}.${key}.label`);
            if (isSecret(provider, key)) {
              const saved = channel.secretsSet.includes(key);
              return (
                <div key={key}>
                  <dt>{label}</dt>
                  <dd className={saved ? 'secret-saved' : 'muted'}>
                    {saved && <KeyRound size={12} aria-hidden />}{' '}
                    {saved ? t('channels.secretSaved') : t('channels.secretMissing')}
                  </dd>
                </div>
              );
            }
            const value = channel.config[key];
            if (value === undefined || value === null || value === '') return null;
            return (
              <div key={key}>
                <dt>{label}</dt>
                <dd className={typeof value === 'string' ? 'mono' : undefined}>
                  {typeof value === 'boolean'
                    ? t(value ? 'common.yes' : 'common.no')
                    : String(value)}
                </dd>
              </div>
            );
          })}
        </dl>
      )}
      {channel.webhookUrl && (
        <WebhookUrl url={channel.webhookUrl} provider={provider} channelName={channel.name} />
      )}
      {manage && (provider === 'whatsapp' || provider === 'twilio') && (
        <WebhookReceipts channelId={channel.id} provider={provider} />
      )}
      {provider === 'whatsapp' && <TemplatesPanel channel={channel} />}
    </article>
  );
}

function WebhookUrl({
  url,
  provider,
  channelName,
}: {
  url: string;
  provider: ChannelView['provider'];
  channelName: string;
}) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2000);
    return () => clearTimeout(timer);
  }, [copied]);
  const label = t('channels.webhook');
  return (
    <div className="channel-webhook">
      <span className="label">{label}</span>
      <div className="row">
        <input
          className="input mono"
          readOnly
          value={url}
          aria-label={`${label} · ${channelName}`}
          onFocus={(e) => e.target.select()}
        />
        <button
          type="button"
          className="btn btn-sm"
          onClick={() =>
            void navigator.clipboard?.writeText(url).then(
              () => setCopied(true),
              () => undefined,
            )
          }
        >
          {copied ? <Check size={13} aria-hidden /> : <Copy size={13} aria-hidden />}
          {copied ? t('channels.copied') : t('channels.copy')}
        </button>
      </div>
      <p className="help">
        {t(`channels.webhookHelp.${provider}`, { defaultValue: t('channels.webhookHelpOther') })}
      </p>
    </div>
  );
}
