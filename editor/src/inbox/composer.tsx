import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan, useRole } from '../auth/access';
import type { HandoffDetail } from './api';
import { ReplyBox } from './reply-box';
import { TemplateReply } from './template-reply';

/**
 * Where the agent answers, on the conversation's channel: free text, or on WhatsApp after 24 h
 * without a word from the customer an approved template. Closed conversations are read only.
 */
export function Composer({ handoff: h }: { handoff: HandoffDetail }) {
  const { t } = useTranslation();
  const canWork = useCan('handoffs.work');
  const role = useRole();
  /** The server said the window closed after all (the page was open a while): a template then. */
  const [windowClosed, setWindowClosed] = useState(false);
  const channel = h.channel ?? (h.contact.phone ? 'whatsapp' : h.contact.email ? 'email' : null);

  if (h.status === 'closed')
    return (
      <p className="inbox-composer-note" data-testid="closed-note">
        {t('inbox.closedNote', {
          result: h.result ? t(`inbox.result.${h.result}`) : t('inbox.result.unknown'),
        })}
      </p>
    );
  if (!canWork)
    return (
      <p className="inbox-composer-note" data-testid="read-only">
        {t('inbox.readOnly', { role: role ? t(`roles.${role}`) : '' })}
      </p>
    );
  if (!channel) return <p className="inbox-composer-note">{t('inbox.noChannel')}</p>;
  if (channel === 'whatsapp' && (!h.window.open || windowClosed))
    return <TemplateReply handoff={h} />;
  return <ReplyBox handoff={h} channel={channel} onWindowClosed={() => setWindowClosed(true)} />;
}
