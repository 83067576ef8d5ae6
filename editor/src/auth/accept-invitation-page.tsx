import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { call, client, errorText } from '../api/client';
import { useLang } from '../canvas/inspector/use-lang';
import { LanguageSwitch } from '../shell/language-switch';

/**
 * `/invitations/:token`, opened from the link an admin shared: a new member sets a name and a
 * password; someone with a Ruta account gives theirs. Either way they land signed in.
 */
export function AcceptInvitationPage({ token }: { token: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const invitation = useQuery({
    queryKey: ['invitation', token],
    queryFn: () => call(client.invitations[':token'].$get({ param: { token } })),
    retry: false,
  });

  async function accept(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await call(
        client.invitations[':token'].accept.$post({
          param: { token },
          json: { password, ...(name.trim() ? { name: name.trim() } : {}) },
        }),
      );
      navigate('/', { replace: true });
      await queryClient.invalidateQueries({ queryKey: ['me'] });
    } catch (failure) {
      setError(errorText(failure, lang));
    } finally {
      setBusy(false);
    }
  }

  const info = invitation.data;
  return (
    <div className="login">
      <div className="card login-card">
        <div className="brand brand-lg">
          <span className="brand-mark" aria-hidden>
            ↯
          </span>{' '}
          Ruta
        </div>
        {invitation.isLoading ? (
          <p className="empty">{t('common.loading')}</p>
        ) : !info ? (
          <>
            <p className="notice notice-error" role="alert">
              {invitation.error ? errorText(invitation.error, lang) : t('invitation.invalid')}
            </p>
            <a className="btn" href="/">
              {t('invitation.goToLogin')}
            </a>
          </>
        ) : (
          <form
            onSubmit={accept}
            aria-label={t('invitation.title', { workspace: info.workspace.name })}
          >
            <h1>{t('invitation.title', { workspace: info.workspace.name })}</h1>
            <p className="muted">
              {t('invitation.body', {
                role: t(`roles.${info.role}`, { defaultValue: info.role }),
                email: info.email,
              })}
            </p>
            {!info.existingUser && (
              <div className="field">
                <label htmlFor="invitee-name">{t('invitation.name')}</label>
                <input
                  id="invitee-name"
                  className="input"
                  autoComplete="name"
                  value={name}
                  onChange={(e) => setName(e.target.value)}
                />
              </div>
            )}
            <div className="field">
              <label htmlFor="invitee-password">
                {info.existingUser ? t('invitation.existingPassword') : t('invitation.password')}
              </label>
              <input
                id="invitee-password"
                className="input"
                type="password"
                autoComplete={info.existingUser ? 'current-password' : 'new-password'}
                required
                minLength={info.existingUser ? undefined : 10}
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
              <span className="help">
                {info.existingUser ? t('invitation.existingHelp') : t('invitation.passwordHelp')}
              </span>
            </div>
            {error && (
              <p className="notice notice-error" role="alert">
                {error}
              </p>
            )}
            <button className="btn btn-primary login-submit" type="submit" disabled={busy}>
              {t('invitation.submit')}
            </button>
          </form>
        )}
        <LanguageSwitch />
      </div>
    </div>
  );
}
