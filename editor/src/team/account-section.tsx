import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, client, errorText } from '../api/client';
import { useLang } from '../canvas/inspector/use-lang';

/** The signed-in member's own sessions and password. */
export function AccountSection() {
  const { t } = useTranslation();
  const lang = useLang();
  const queryClient = useQueryClient();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function logoutEverywhere() {
    await call(client.auth['logout-everywhere'].$post());
    await queryClient.invalidateQueries({ queryKey: ['me'] });
  }

  async function changePassword(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      await call(
        client.auth.password.$post({ json: { currentPassword: current, newPassword: next } }),
      );
      setCurrent('');
      setNext('');
      setMessage({ ok: true, text: t('team.passwordChanged') });
    } catch (error) {
      setMessage({ ok: false, text: errorText(error, lang) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card team-section" aria-labelledby="account-title">
      <h2 id="account-title">{t('team.account')}</h2>
      <div className="account-grid">
        <form onSubmit={changePassword} aria-label={t('team.changePassword')}>
          <h3>{t('team.changePassword')}</h3>
          <div className="field">
            <label htmlFor="current-password">{t('team.currentPassword')}</label>
            <input
              id="current-password"
              className="input"
              type="password"
              autoComplete="current-password"
              required
              value={current}
              onChange={(e) => setCurrent(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="new-password">{t('team.newPassword')}</label>
            <input
              id="new-password"
              className="input"
              type="password"
              autoComplete="new-password"
              required
              minLength={10}
              value={next}
              onChange={(e) => setNext(e.target.value)}
            />
            <span className="help">{t('team.passwordHelp')}</span>
          </div>
          {message && (
            <p
              className={message.ok ? 'notice' : 'notice notice-error'}
              role={message.ok ? 'status' : 'alert'}
            >
              {message.text}
            </p>
          )}
          <button type="submit" className="btn" disabled={busy}>
            {t('team.changePassword')}
          </button>
        </form>
        <div>
          <h3>{t('team.logoutEverywhere')}</h3>
          <p className="help">{t('team.logoutEverywhereHelp')}</p>
          <button type="button" className="btn btn-danger" onClick={() => void logoutEverywhere()}>
            {t('team.logoutEverywhere')}
          </button>
        </div>
      </div>
    </section>
  );
}
