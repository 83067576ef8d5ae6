import { useTranslation } from 'react-i18next';
import type { Me } from '../api/models';
import { useCan, useRole } from '../auth/access';
import { AccountSection } from './account-section';
import { ApiKeysSection } from './api-keys-section';
import { AuditSection } from './audit-section';
import { InvitationsSection } from './invitations-section';
import { MembersSection } from './members-section';
import './team.css';
import { PricesSection } from './prices-section';

/** "Equipo y acceso": members and roles, invitations, API keys, the audit log and your account. */
export default function TeamPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const role = useRole();
  const manageMembers = useCan('members.manage');
  const manageKeys = useCan('apiKeys.manage');
  const readAudit = useCan('audit.read');
  return (
    <div className="page team-page">
      <div className="page-head">
        <div>
          <h1>{t('team.title')}</h1>
          <p className="muted">{t('team.subtitle')}</p>
        </div>
      </div>
      {!manageMembers && role && (
        <p className="notice" data-testid="team-read-only">
          {t('team.readOnly', { role: t(`roles.${role}`) })}
        </p>
      )}
      <MembersSection meId={me.user?.id ?? null} />
      {manageMembers && <InvitationsSection />}
      {manageKeys && <ApiKeysSection />}
      <PricesSection />
      {readAudit && <AuditSection />}
      {me.user && <AccountSection />}
    </div>
  );
}
