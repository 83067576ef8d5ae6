import { assignableRoles, type Role } from '@ruta/shared';
import { UserPlus } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../api/client';
import { useCan, useRole } from '../auth/access';
import { useLang } from '../canvas/inspector/use-lang';
import { ConfirmDialog } from '../shell/confirm-dialog';
import { Dialog } from '../shell/dialog';
import { type Member, useChangeRole, useMembers, useRemoveMember } from './api';
import { formatDay } from './format';
import { InviteDialog } from './invite-dialog';

/** Everyone in the workspace with their role; admins change roles, remove people and invite. */
export function MembersSection({ meId }: { meId: string | null }) {
  const { t, i18n } = useTranslation();
  const lang = useLang();
  const members = useMembers();
  const manage = useCan('members.manage');
  const myRole = useRole();
  const assignable = myRole ? assignableRoles(myRole) : [];
  const changeRole = useChangeRole();
  const [notice, setNotice] = useState<string | null>(null);
  const [removing, setRemoving] = useState<Member | null>(null);
  const [inviting, setInviting] = useState(false);
  const mayChange = (m: Member) => manage && (m.role !== 'owner' || myRole === 'owner');

  async function change(member: Member, role: Role) {
    setNotice(null);
    await changeRole.mutateAsync({ userId: member.userId, role });
    setNotice(t('team.roleChanged', { email: member.email, role: t(`roles.${role}`) }));
  }

  return (
    <section className="card team-section" aria-labelledby="members-title">
      <div className="section-head">
        <h2 id="members-title">{t('team.members')}</h2>
        {manage && (
          <button
            type="button"
            className="btn btn-primary btn-sm"
            onClick={() => setInviting(true)}
          >
            <UserPlus size={14} aria-hidden /> {t('team.invite')}
          </button>
        )}
      </div>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {changeRole.error && (
        <p className="notice notice-error" role="alert">
          {errorText(changeRole.error, lang)}
        </p>
      )}
      {members.isLoading ? (
        <p className="empty">{t('common.loading')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>{t('team.member')}</th>
              <th>{t('team.role')}</th>
              <th>{t('team.joined')}</th>
              <th aria-label={t('team.remove')} />
            </tr>
          </thead>
          <tbody>
            {(members.data ?? []).map((m) => (
              <tr key={m.userId} data-testid={`member-${m.email}`}>
                <td>
                  <strong>{m.name || m.email}</strong>
                  {m.userId === meId && <span className="muted"> ({t('team.you')})</span>}
                  <div className="help">{m.email}</div>
                </td>
                <td>
                  {mayChange(m) ? (
                    <select
                      className="input role-select"
                      aria-label={t('team.roleOf', { email: m.email })}
                      value={m.role}
                      disabled={changeRole.isPending}
                      onChange={(e) =>
                        void change(m, e.target.value as Role).catch(() => undefined)
                      }
                    >
                      {assignable.map((role) => (
                        <option key={role} value={role}>
                          {t(`roles.${role}`)}
                        </option>
                      ))}
                    </select>
                  ) : (
                    <span className={`role-chip role-${m.role}`}>{t(`roles.${m.role}`)}</span>
                  )}
                </td>
                <td className="muted">{formatDay(m.joinedAt, i18n.resolvedLanguage)}</td>
                <td className="actions">
                  {mayChange(m) && m.userId !== meId && (
                    <button
                      type="button"
                      className="btn btn-sm btn-danger"
                      onClick={() => setRemoving(m)}
                    >
                      {t('team.remove')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {removing && <RemoveDialog member={removing} onClose={() => setRemoving(null)} />}
      {inviting && <InviteDialog onClose={() => setInviting(false)} />}
    </section>
  );
}

function RemoveDialog({ member, onClose }: { member: Member; onClose: () => void }) {
  const { t } = useTranslation();
  const remove = useRemoveMember();
  return (
    <ConfirmDialog
      title={t('team.removeTitle', { email: member.email })}
      confirmLabel={t('team.removeConfirm')}
      pending={remove.isPending}
      error={remove.error}
      onConfirm={() => remove.mutate(member.userId, { onSuccess: onClose })}
      onClose={onClose}
    >
      <p>{t('team.removeBody')}</p>
    </ConfirmDialog>
  );
}
