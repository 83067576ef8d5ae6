import { assignableRoles, type Role } from '@ruta/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, errorText, fieldText } from '../api/client';
import { useRole } from '../auth/access';
import { useLang } from '../canvas/inspector/use-lang';
import { Dialog } from '../shell/dialog';
import { type InvitationLink, useInvite } from './api';
import { InvitationLinkView } from './invitation-link';

/** Email and role → the invitation link to share (and the email, when the workspace can send one). */
export function InviteDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const myRole = useRole();
  const roles = myRole ? assignableRoles(myRole) : [];
  const invite = useInvite();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('editor');
  const [made, setMade] = useState<InvitationLink | null>(null);
  const fieldError =
    invite.error instanceof ApiError
      ? invite.error.problem.errors?.find((e) => e.path === 'email')
      : undefined;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setMade(await invite.mutateAsync({ email: email.trim(), role }).catch(() => null));
  }

  return (
    <Dialog title={t('team.inviteTitle')} onClose={onClose}>
      {made ? (
        <>
          <InvitationLinkView invitation={made} />
          <div className="dialog-actions">
            <button type="button" className="btn btn-primary" onClick={onClose}>
              {t('team.done')}
            </button>
          </div>
        </>
      ) : (
        <form onSubmit={submit}>
          <div className="field">
            <label htmlFor="invite-email">{t('team.email')}</label>
            <input
              id="invite-email"
              className="input"
              type="email"
              required
              placeholder={t('team.emailPlaceholder')}
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              aria-invalid={fieldError ? true : undefined}
            />
          </div>
          <fieldset className="field role-options">
            <legend>{t('team.role')}</legend>
            {roles.map((r) => (
              <label key={r} className="role-option">
                <input
                  type="radio"
                  name="invite-role"
                  value={r}
                  checked={role === r}
                  onChange={() => setRole(r)}
                />
                <span>
                  <strong>{t(`roles.${r}`)}</strong>
                  <span className="help">{t(`roleHelp.${r}`)}</span>
                </span>
              </label>
            ))}
          </fieldset>
          {invite.error && (
            <p className="notice notice-error" role="alert">
              {fieldError ? fieldText(fieldError, lang) : errorText(invite.error, lang)}
            </p>
          )}
          <div className="dialog-actions">
            <button type="button" className="btn" onClick={onClose}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="btn btn-primary" disabled={invite.isPending}>
              {t('team.inviteSubmit')}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
