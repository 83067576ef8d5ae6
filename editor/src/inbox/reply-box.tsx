import { Send } from 'lucide-react';
import { type FormEvent, type KeyboardEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, errorText } from '../api/client';
import { useLang } from '../canvas/inspector/use-lang';
import { toast } from '../shell/toast';
import { type HandoffChannel, type HandoffDetail, newClientId, useSendMessage } from './api';
import { durationWords, secondsUntil } from './words';

/** Free text to the customer on the conversation's channel (email with an optional subject). */
export function ReplyBox({
  handoff: h,
  channel,
  onWindowClosed,
}: {
  handoff: HandoffDetail;
  channel: HandoffChannel;
  onWindowClosed: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const send = useSendMessage(h.id);
  const [text, setText] = useState('');
  const [subject, setSubject] = useState('');
  /** One id per message written: a double click or a retry of the same message sends it once. */
  const clientId = useRef(newClientId());
  /** Set at once on send (before React re-renders the button as busy): one click, one send. */
  const sending = useRef(false);
  const channelName = t(`inbox.channel.${channel}`);

  function submit(event?: FormEvent) {
    event?.preventDefault();
    const body = text.trim();
    if (!body || sending.current) return;
    sending.current = true;
    send.mutate(
      {
        text: body,
        clientId: clientId.current,
        ...(channel === 'email' && subject.trim() ? { subject: subject.trim() } : {}),
      },
      {
        onSettled: () => {
          sending.current = false;
        },
        onSuccess: () => {
          setText('');
          setSubject('');
          clientId.current = newClientId();
        },
        onError: (error) => {
          if (error instanceof ApiError && error.problem.code === 'handoff_window_closed')
            onWindowClosed();
          else toast(errorText(error, lang), 'error');
        },
      },
    );
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) submit(event);
  }

  return (
    <form className="inbox-reply" onSubmit={submit}>
      {channel === 'email' && (
        <input
          className="input"
          value={subject}
          onChange={(e) => setSubject(e.target.value)}
          placeholder={t('inbox.reply.subject')}
          aria-label={t('inbox.reply.subject')}
          maxLength={250}
        />
      )}
      <textarea
        className="input inbox-reply-text"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
        placeholder={t('inbox.reply.placeholder', { channel: channelName })}
        aria-label={t('inbox.reply.label', { channel: channelName })}
        maxLength={4096}
        rows={3}
        data-testid="reply-text"
      />
      <div className="inbox-reply-foot">
        <span className="help" data-testid="reply-window">
          {channel === 'whatsapp' && h.window.closesAt
            ? t('inbox.reply.windowOpen', {
                time: durationWords(t, secondsUntil(h.window.closesAt)),
              })
            : t('inbox.reply.keys')}
        </span>
        <button
          type="submit"
          className="btn btn-primary"
          disabled={!text.trim() || send.isPending}
          title={text.trim() ? undefined : t('inbox.reply.writeFirst')}
        >
          <Send size={14} aria-hidden />{' '}
          {send.isPending ? t('inbox.reply.sending') : t('inbox.reply.send')}
        </button>
      </div>
    </form>
  );
}
