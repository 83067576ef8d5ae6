import { useTranslation } from 'react-i18next';
import { errorText } from '../api/client';
import { useLang } from '../canvas/inspector/use-lang';
import { useHandoff } from './api';
import { Composer } from './composer';
import { ContextPanel } from './context-panel';
import { HandoffHeader } from './handoff-header';
import { Thread } from './thread';

/** One conversation: who and its state on top, every message, the answer box; the context beside. */
export function ConversationPane({ id, meId }: { id: string; meId: string | null }) {
  const { t } = useTranslation();
  const lang = useLang();
  const detail = useHandoff(id);
  const h = detail.data;
  if (!h)
    return (
      <div className="inbox-placeholder">
        {detail.error ? (
          <p className="notice notice-error" role="alert">
            {errorText(detail.error, lang)}
          </p>
        ) : (
          <p>{t('common.loading')}</p>
        )}
      </div>
    );
  return (
    <>
      <section
        className="inbox-conversation"
        aria-label={t('inbox.conversationWith', { name: h.contact.name })}
      >
        <HandoffHeader handoff={h} meId={meId} />
        <Thread handoff={h} />
        <Composer handoff={h} />
      </section>
      <ContextPanel handoff={h} />
    </>
  );
}
