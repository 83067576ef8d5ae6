import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../api/client';
import { useCan } from '../auth/access';
import { useLang } from '../canvas/inspector/use-lang';
import { toast } from '../shell/toast';
import { type HandoffDetail, useAddNote } from './api';
import { messageTime } from './words';

/** The team's notes on the conversation (the customer never sees them), and a box to add one. */
export function Notes({ handoff: h }: { handoff: HandoffDetail }) {
  const { t, i18n } = useTranslation();
  const lang = useLang();
  const canWork = useCan('handoffs.work');
  const add = useAddNote(h.id);
  const [body, setBody] = useState('');

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!body.trim()) return;
    add.mutate(body.trim(), {
      onSuccess: () => setBody(''),
      onError: (error) => toast(errorText(error, lang), 'error'),
    });
  }

  return (
    <section className="inbox-notes">
      <h3>{t('inbox.notes.title')}</h3>
      {h.notes.length === 0 && <p className="help">{t('inbox.notes.none')}</p>}
      <ul data-testid="notes">
        {h.notes.map((note) => (
          <li key={note.id} className="inbox-note">
            <p>{note.body}</p>
            <span className="help">
              {[note.author, messageTime(note.at, i18n.resolvedLanguage)]
                .filter(Boolean)
                .join(' · ')}
            </span>
          </li>
        ))}
      </ul>
      {h.status !== 'closed' && (
        <form onSubmit={submit}>
          <textarea
            className="input inbox-note-text"
            value={body}
            onChange={(e) => setBody(e.target.value)}
            placeholder={t('inbox.notes.placeholder')}
            aria-label={t('inbox.notes.add')}
            maxLength={4000}
            rows={2}
            disabled={!canWork}
            title={canWork ? undefined : t('inbox.needsAgent')}
          />
          <button
            type="submit"
            className="btn btn-sm"
            disabled={!canWork || !body.trim() || add.isPending}
            title={canWork ? undefined : t('inbox.needsAgent')}
          >
            {t('inbox.notes.add')}
          </button>
        </form>
      )}
    </section>
  );
}
