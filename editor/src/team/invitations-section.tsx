import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../api/client';
import { useLang } from '../canvas/inspector/use-lang';
import { Dialog } from '../shell/dialog';
import {
  type InvitationLink,
  useCancelInvitation,
  useInvitations,
  useRenewInvitation,
} from './api';
import { formatDay } from './format';
import { InvitationLinkView } from './invitation-link';

/** Invitations not accepted yet: a new link for one (the old stops working), or cancel it. */
export function InvitationsSection() {
  const { t, i18n } = useTranslation();
  const lang = useLang();
  const invitations = useInvitations({ enabled: true });
  const renew = useRenewInvitation();
  const cancel = useCancelInvitation();
  const [renewed, setRenewed] = useState<InvitationLink | null>(null);
  const list = invitations.data ?? [];
  const error = renew.error ?? cancel.error;
  return (
    <section className="card team-section" aria-labelledby="invitations-title">
      <h2 id="invitations-title">{t('team.invitations')}</h2>
      {error && (
        <p className="notice notice-error" role="alert">
          {errorText(error, lang)}
        </p>
      )}
      {invitations.isLoading ? (
        <p className="muted">{t('common.loading')}</p>
      ) : list.length === 0 ? (
        <p className="muted">{t('team.noInvitations')}</p>
      ) : (
        <ul className="invitation-list">
          {list.map((invitation) => {
            const expired = new Date(invitation.expiresAt).getTime() < Date.now();
            return (
              <li key={invitation.id} data-testid={`invitation-${invitation.email}`}>
                <div className="grow">
                  <strong>{invitation.email}</strong> ·{' '}
                  <span className={`role-chip role-${invitation.role}`}>
                    {t(`roles.${invitation.role}`)}
                  </span>
                  <div className="help">
                    {expired
                      ? t('team.expired')
                      : t('team.expires', {
                          date: formatDay(invitation.expiresAt, i18n.resolvedLanguage),
                        })}
                    {invitation.invitedBy.email &&
                      ` · ${t('team.invitedBy', { email: invitation.invitedBy.email })}`}
                  </div>
                </div>
                <button
                  type="button"
                  className="btn btn-sm"
                  disabled={renew.isPending}
                  onClick={() =>
                    renew.mutate(invitation.id, { onSuccess: (made) => setRenewed(made) })
                  }
                >
                  {t('team.renew')}
                </button>
                <button
                  type="button"
                  className="btn btn-sm btn-danger"
                  disabled={cancel.isPending}
                  onClick={() => cancel.mutate(invitation.id)}
                >
                  {t('team.cancelInvitation')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {renewed && (
        <Dialog title={t('team.inviteLink')} onClose={() => setRenewed(null)}>
          <InvitationLinkView invitation={renewed} />
          <div className="dialog-actions">
            <button type="button" className="btn btn-primary" onClick={() => setRenewed(null)}>
              {t('team.done')}
            </button>
          </div>
        </Dialog>
      )}
    </section>
  );
}
