import { CheckCircle2, Hand, Undo2 } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../api/client';
import { useCan } from '../auth/access';
import { useLang } from '../canvas/inspector/use-lang';
import { toast } from '../shell/toast';
import { type HandoffDetail, useChangeHandoff } from './api';
import { CloseDialog } from './close-dialog';
import { personName, queueName } from './words';

/** The customer, who has the conversation, and what can be done with it: take, give back, close. */
export function HandoffHeader({
  handoff: h,
  meId,
}: {
  handoff: HandoffDetail;
  meId: string | null;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const canWork = useCan('handoffs.work');
  const change = useChangeHandoff(h.id);
  const [closing, setClosing] = useState(false);
  const why = canWork ? undefined : t('inbox.needsAgent');
  const mine = h.assignee?.id === meId && meId !== null;

  function assign(assignTo: 'me' | null) {
    change.mutate(
      { assignTo },
      // The state beside the name says it went through; only a failure needs a word.
      { onError: (error) => toast(errorText(error, lang), 'error') },
    );
  }

  return (
    <header className="inbox-conv-head">
      <div className="inbox-conv-who">
        <h2>{h.contact.name}</h2>
        <p className="muted">
          {[h.contact.phone, h.contact.email, queueName(t, h.queue)].filter(Boolean).join(' · ')}
        </p>
      </div>
      <span className={`inbox-state inbox-state-${h.status}`} data-testid="handoff-state">
        {h.status === 'closed'
          ? t('inbox.state.closed', { result: h.result ? t(`inbox.result.${h.result}`) : '' })
          : h.assignee
            ? mine
              ? t('inbox.state.mine')
              : t('inbox.state.assigned', { name: personName(t, h.assignee, meId) })
            : t('inbox.state.open')}
      </span>
      {h.status !== 'closed' && (
        <div className="inbox-conv-actions">
          {!mine && (
            <button
              type="button"
              className="btn btn-sm btn-primary"
              disabled={!canWork || change.isPending}
              title={why}
              onClick={() => assign('me')}
            >
              <Hand size={14} aria-hidden /> {t('inbox.take')}
            </button>
          )}
          {h.assignee && (
            <button
              type="button"
              className="btn btn-sm"
              disabled={!canWork || change.isPending}
              title={why ?? t('inbox.returnHelp')}
              onClick={() => assign(null)}
            >
              <Undo2 size={14} aria-hidden /> {t('inbox.return')}
            </button>
          )}
          <button
            type="button"
            className="btn btn-sm"
            disabled={!canWork || change.isPending}
            title={why}
            onClick={() => setClosing(true)}
          >
            <CheckCircle2 size={14} aria-hidden /> {t('inbox.close.open')}
          </button>
        </div>
      )}
      {closing && <CloseDialog handoff={h} onClose={() => setClosing(false)} />}
    </header>
  );
}
