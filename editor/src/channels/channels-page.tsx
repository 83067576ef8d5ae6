import { channelNames } from '@ruta/shared';
import { Plus } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { ApiError, errorText } from '../api/client';
import { currentLang } from '../i18n/index';
import { ConfirmDialog } from '../shell/confirm-dialog';
import { Dialog } from '../shell/dialog';
import { type ChannelView, useChannels, useDeleteChannel } from './api';
import { ChannelCard } from './channel-card';
import { ChannelForm } from './channel-form';
import { ProviderIcon } from './provider-icon';
import { carrierOf, MESSAGE_CHANNELS, takeoverAfterDeleting } from './routing';
import './channels.css';
import { useCan } from '../auth/access';

type Editing = { kind: 'create' } | { kind: 'edit'; channel: ChannelView } | null;

/** Which provider carries WhatsApp, SMS and email (the sandbox by default), and their settings. */
export default function ChannelsPage() {
  const { t } = useTranslation();
  const channels = useChannels();
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<ChannelView | null>(null);
  const manage = useCan('channels.manage');
  const list = channels.data ?? [];

  return (
    <div className="page channels-page">
      <div className="page-head">
        <div>
          <h1>{t('channels.title')}</h1>
          <p className="muted">{t('channels.subtitle')}</p>
        </div>
        {manage && (
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => setEditing({ kind: 'create' })}
          >
            <Plus size={15} aria-hidden /> {t('channels.add')}
          </button>
        )}
      </div>

      <section className="card routing" aria-labelledby="routing-title">
        <h3 id="routing-title">{t('channels.routingTitle')}</h3>
        <ul className="routing-list">
          {MESSAGE_CHANNELS.map((channel) => {
            const carrier = carrierOf(list, channel);
            const real = carrier && carrier.provider !== 'sandbox' ? carrier : undefined;
            return (
              <li key={channel} data-testid={`route-${channel}`}>
                <strong>{channelNames[channel]}</strong>
                {real ? (
                  <span className="route-target">
                    <ProviderIcon provider={real.provider} />{' '}
                    {t('channels.carriedBy', {
                      name: real.name,
                      provider: t(`channels.providers.${real.provider}`),
                    })}
                  </span>
                ) : (
                  <span className="route-target muted">
                    {t('channels.sandboxFallback')} ·{' '}
                    <Link href="/sandbox">{t('channels.openSandbox')}</Link>
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      </section>

      {channels.isLoading ? (
        <p className="empty">{t('common.loading')}</p>
      ) : channels.error ? (
        <p className="notice notice-error" role="alert">
          {errorText(channels.error, currentLang())}
        </p>
      ) : list.length === 0 ? (
        <div className="card empty">
          <p>{t('channels.empty')}</p>
          {manage && (
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => setEditing({ kind: 'create' })}
            >
              <Plus size={15} aria-hidden /> {t('channels.add')}
            </button>
          )}
        </div>
      ) : (
        <div className="channel-list">
          {list.map((channel) => (
            <ChannelCard
              key={channel.id}
              channel={channel}
              onEdit={() => setEditing({ kind: 'edit', channel })}
              onDelete={() => setDeleting(channel)}
            />
          ))}
        </div>
      )}

      {editing && (
        <Dialog
          title={
            editing.kind === 'edit'
              ? t('channels.editTitle', { name: editing.channel.name })
              : t('channels.addTitle')
          }
          onClose={() => setEditing(null)}
          wide
        >
          <ChannelForm mode={editing} onDone={() => setEditing(null)} />
        </Dialog>
      )}
      {deleting && (
        <DeleteDialog channel={deleting} channels={list} onClose={() => setDeleting(null)} />
      )}
    </div>
  );
}

function DeleteDialog({
  channel,
  channels,
  onClose,
}: {
  channel: ChannelView;
  channels: readonly ChannelView[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const remove = useDeleteChannel();
  const takeover = takeoverAfterDeleting(channels, channel);
  return (
    <ConfirmDialog
      title={t('channels.deleteTitle', { name: channel.name })}
      confirmLabel={t('channels.deleteConfirm')}
      pending={remove.isPending}
      error={remove.error}
      onConfirm={() => remove.mutate(channel.id, { onSuccess: onClose })}
      onClose={onClose}
    >
      <p>{t('channels.deleteBody')}</p>
      {takeover.map(({ channel: message, next }) => (
        <p key={message} className="help">
          {next && next.provider !== 'sandbox'
            ? t('channels.afterDelete', { channel: channelNames[message], name: next.name })
            : t('channels.afterDeleteSandbox', { channel: channelNames[message] })}
        </p>
      ))}
    </ConfirmDialog>
  );
}
