import { MessagesSquare } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRoute } from 'wouter';
import type { Me } from '../api/models';
import type { InboxFilter } from './api';
import { ConversationPane } from './conversation-pane';
import { HandoffList } from './handoff-list';
import './inbox.css';

/**
 * «Conversaciones»: the customers a journey handed to people. The list on the left (by queue,
 * mine, closed), the open conversation in the middle, and what the journey knows beside it.
 */
export default function InboxPage({ me }: { me: Pick<Me, 'user'> }) {
  const { t } = useTranslation();
  const [open, params] = useRoute('/inbox/:id');
  const id = open ? params.id : null;
  const [filter, setFilter] = useState<InboxFilter>({ view: 'active', queue: null });
  const meId = me.user?.id ?? null;
  return (
    <div className="inbox">
      <HandoffList filter={filter} onFilter={setFilter} selectedId={id} meId={meId} />
      {id ? (
        <ConversationPane key={id} id={id} meId={meId} />
      ) : (
        <div className="inbox-placeholder">
          <MessagesSquare size={40} aria-hidden />
          <p>{t('inbox.pick')}</p>
        </div>
      )}
    </div>
  );
}
