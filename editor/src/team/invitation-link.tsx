import { useTranslation } from 'react-i18next';
import { CopyField } from '../shell/copy-field';
import type { InvitationLink } from './api';
import { formatDay } from './format';

/** The link of an invitation just made or renewed (shown only now), and whether it was mailed. */
export function InvitationLinkView({ invitation }: { invitation: InvitationLink }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="invitation-link">
      <CopyField label={t('team.inviteLink')} value={invitation.link} testId="invitation-link" />
      <p className="help">
        {t('team.inviteLinkHelp', {
          email: invitation.email,
          date: formatDay(invitation.expiresAt, i18n.resolvedLanguage),
        })}
      </p>
      <p className={invitation.mail === 'failed' ? 'notice notice-warn' : 'notice'}>
        {t(`team.mail.${invitation.mail}`)}
      </p>
    </div>
  );
}
