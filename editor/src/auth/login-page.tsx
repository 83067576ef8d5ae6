import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, call, client } from '../api/client';
import { useLang } from '../canvas/inspector/use-lang';
import { LanguageSwitch } from '../shell/language-switch';

export function LoginPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await call(client.auth.login.$post({ json: { email, password } }));
      await queryClient.invalidateQueries({ queryKey: ['me'] });
    } catch (failure) {
      // Throttled, or no longer in any workspace: the server says why; otherwise the usual words.
      setError(
        failure instanceof ApiError && failure.status !== 401
          ? failure.text(lang)
          : t('login.failed'),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="login">
      <form className="card login-card" onSubmit={submit} aria-label={t('login.title')}>
        <div className="brand brand-lg">
          <span className="brand-mark" aria-hidden>
            ↯
          </span>{' '}
          Ruta
        </div>
        <p className="muted">{t('app.tagline')}</p>
        <h1>{t('login.title')}</h1>
        <div className="field">
          <label htmlFor="email">{t('login.email')}</label>
          <input
            id="email"
            className="input"
            type="email"
            autoComplete="username"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            required
          />
        </div>
        <div className="field">
          <label htmlFor="password">{t('login.password')}</label>
          <input
            id="password"
            className="input"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
        </div>
        {error && (
          <p className="notice notice-error" role="alert">
            {error}
          </p>
        )}
        <button className="btn btn-primary login-submit" type="submit" disabled={busy}>
          {t('login.submit')}
        </button>
        <p className="help">{t('login.hint')}</p>
        <LanguageSwitch />
      </form>
    </div>
  );
}
