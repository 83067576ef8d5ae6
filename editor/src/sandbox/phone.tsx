import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, client } from '../api/client';
import type { ConversationItem } from '../api/models';
import './phone.css';
import { useCan } from '../auth/access';

interface Button {
  id: string;
  text: string;
}

function textOf(item: ConversationItem): string {
  const c = item.content ?? {};
  if (item.direction === 'inbound') return item.text ?? '';
  if (c.kind === 'whatsapp_template') return String(c.preview ?? '');
  if (c.kind === 'email') return String(c.text ?? '');
  return String(c.text ?? '');
}

function buttonsOf(item: ConversationItem): Button[] {
  return ((item.content?.buttons as Button[] | undefined) ?? []).filter((b) => b.id);
}

/** The words on the button a tap answered (the message it came from), never its id. */
function tappedText(items: readonly ConversationItem[], tap: ConversationItem): string | undefined {
  for (const item of items) {
    const button = buttonsOf(item).find((b) => b.id === tap.button_id);
    if (button) return button.text;
  }
  return tap.text ?? undefined;
}

const time = (iso: string) =>
  new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/**
 * A phone-like conversation with one contact: what Ruta sent (on any channel) and what the contact
 * answered. Replies, button taps, opens and clicks go through the same path real providers use.
 */
export function Phone({ contactId, refetchMs = 1_500 }: { contactId: string; refetchMs?: number }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const canUse = useCan('sandbox.use');
  const [text, setText] = useState('');
  /** The message being answered (like WhatsApp's swipe-to-reply): the reply names it. */
  const [replyingTo, setReplyingTo] = useState<ConversationItem | undefined>();
  const conversation = useQuery({
    queryKey: ['conversation', contactId],
    queryFn: () => call(client.sandbox.conversations[':contactId'].$get({ param: { contactId } })),
    refetchInterval: refetchMs,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['conversation', contactId] });
  async function reply(
    body: { text?: string; buttonId?: string; replyTo?: string },
    channel: ConversationItem['channel'] = 'whatsapp',
  ) {
    await call(client.sandbox.inbound.$post({ json: { contactId, channel, ...body } }));
    await refresh();
  }
  async function mark(id: string, event: 'delivered' | 'read' | 'open' | 'click') {
    await call(client.sandbox.messages[':id'][':event'].$post({ param: { id, event } }));
    await refresh();
  }
  async function send(event: FormEvent) {
    event.preventDefault();
    if (!text.trim()) return;
    const lastChannel =
      [...(conversation.data?.items ?? [])].reverse().find((i) => i.direction === 'outbound')
        ?.channel ?? 'whatsapp';
    if (replyingTo) {
      await reply({ text: text.trim(), replyTo: replyingTo.id }, replyingTo.channel);
    } else {
      await reply({ text: text.trim() }, lastChannel);
    }
    setText('');
    setReplyingTo(undefined);
  }
  const contact = conversation.data?.contact;
  const name = contact
    ? [contact.first_name, contact.last_name].filter(Boolean).join(' ') ||
      contact.phone ||
      contact.email
    : '…';
  return (
    <div className="phone" data-testid="phone">
      <div className="phone-header">
        <span className="phone-avatar" aria-hidden>
          {String(name).slice(0, 1)}
        </span>
        <div>
          <strong>{name}</strong>
          <div className="phone-sub">{contact?.phone ?? contact?.email}</div>
        </div>
      </div>
      <div className="phone-body" aria-live="polite">
        {conversation.data?.items.length === 0 && (
          <p className="phone-empty">{t('sandbox.empty')}</p>
        )}
        {conversation.data?.items.map((item) => (
          <div
            key={`${item.direction}-${item.id}`}
            className={`bubble-row ${item.direction}`}
            data-journey={item.journey_name ?? undefined}
          >
            <div
              className={`bubble ${item.direction} channel-${item.channel}`}
              data-testid={`bubble-${item.direction}`}
            >
              {item.direction === 'outbound' && (
                <div className="bubble-meta">
                  {item.channel.toUpperCase()}
                  {item.format === 'whatsapp_template' ? ` · ${t('sandbox.template')}` : ''}
                  {item.journey_name ? ` · ${item.journey_name}` : ''}
                </div>
              )}
              {item.content?.kind === 'email' && (
                <div className="bubble-subject">{String(item.content.subject)}</div>
              )}
              {item.content?.kind === 'whatsapp_template' && (
                <div className="bubble-template">
                  «{String((item.content.template as { name?: string } | undefined)?.name ?? '')}»
                </div>
              )}
              <div className="bubble-text">{textOf(item)}</div>
              {item.direction === 'inbound' && item.button_id && (
                <div className="bubble-meta">
                  ⤷{' '}
                  {t('sandbox.tapped', {
                    button: tappedText(conversation.data?.items ?? [], item) ?? '',
                  })}
                </div>
              )}
              {item.direction === 'inbound' && item.routed_by && (
                <div className="bubble-routing" data-testid="reply-routing">
                  {item.routed_by === 'none' || (!item.journey_name && item.routed_by !== 'opt_out')
                    ? t('sandbox.routing.none')
                    : t(`sandbox.routing.${item.routed_by}`, { journey: item.journey_name ?? '' })}
                </div>
              )}
              <div className="bubble-time">
                {time(item.at)}
                {item.direction === 'outbound' && (
                  <span className="ticks">
                    {item.read_at ? ' ✓✓' : item.delivered_at ? ' ✓✓' : ' ✓'}
                  </span>
                )}
              </div>
            </div>
            {item.direction === 'outbound' && buttonsOf(item).length > 0 && (
              <div className="bubble-buttons">
                {buttonsOf(item).map((b) => (
                  <button
                    type="button"
                    key={b.id}
                    className="bubble-button"
                    disabled={!canUse}
                    onClick={() =>
                      void reply({ buttonId: b.id, text: b.text, replyTo: item.id }, item.channel)
                    }
                    data-testid={`tap-${b.id}`}
                  >
                    {b.text}
                  </button>
                ))}
              </div>
            )}
            {canUse && item.direction === 'outbound' && (
              <div className="bubble-actions">
                <button
                  type="button"
                  className="link"
                  onClick={() => setReplyingTo(item)}
                  data-testid={`reply-to-${item.id}`}
                >
                  {t('sandbox.replyTo')}
                </button>
                {!item.delivered_at && (
                  <button
                    type="button"
                    className="link"
                    onClick={() => void mark(item.id, 'delivered')}
                  >
                    {t('sandbox.markDelivered')}
                  </button>
                )}
                {!item.read_at && item.channel !== 'email' && (
                  <button
                    type="button"
                    className="link"
                    onClick={() => void mark(item.id, 'read')}
                    data-testid={`read-${item.id}`}
                  >
                    {t('sandbox.markRead')}
                  </button>
                )}
                {item.channel === 'email' && !item.opened_at && (
                  <button type="button" className="link" onClick={() => void mark(item.id, 'open')}>
                    {t('sandbox.open')}
                  </button>
                )}
                {item.channel === 'email' && !item.clicked_at && (
                  <button
                    type="button"
                    className="link"
                    onClick={() => void mark(item.id, 'click')}
                  >
                    {t('sandbox.click')}
                  </button>
                )}
              </div>
            )}
          </div>
        ))}
      </div>
      {replyingTo && (
        <div className="phone-quote" data-testid="replying-to">
          <div>
            <strong>{t('sandbox.replyingTo')}</strong>
            <span>{textOf(replyingTo).slice(0, 80)}</span>
          </div>
          <button
            type="button"
            className="link"
            onClick={() => setReplyingTo(undefined)}
            aria-label={t('sandbox.cancelReply')}
          >
            ✕
          </button>
        </div>
      )}
      <form className="phone-input" onSubmit={send}>
        <fieldset disabled={!canUse} className="phone-input-fields">
          <input
            className="input"
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={t('sandbox.reply')}
            aria-label={t('sandbox.reply')}
            data-testid="reply-input"
          />
          <button type="submit" className="btn btn-primary" aria-label={t('sandbox.send')}>
            ➤
          </button>
        </fieldset>
      </form>
    </div>
  );
}
