import { type ChannelRow, sendNoticeEmail } from '@ruta/engine';
import { escapeHtml, type Role } from '@ruta/shared';
import { ROLE_NAMES } from '../access/role-names';
import type { AppDeps } from '../deps';

/** The inviter waits at most this long for the mail server. */
const MAIL_DEADLINE_MS = 15_000;

/** Whether the invitation went out by email: sent, no email channel to send it, or it failed. */
export type InvitationMail = 'sent' | 'no_channel' | 'failed';

/** The invitation email, in Spanish, Portuguese and English (the invitee's language is not known yet). */
export function invitationEmail(input: {
  workspaceName: string;
  inviter: string;
  role: Role;
  link: string;
  expiresAt: Date;
}) {
  const role = ROLE_NAMES[input.role];
  const days = Math.max(1, Math.round((input.expiresAt.getTime() - Date.now()) / 86_400_000));
  const es = [
    `${input.inviter} te invitó a «${input.workspaceName}» en Ruta como ${role.es}.`,
    `Acepta la invitación aquí (vence en ${days} días): ${input.link}`,
  ];
  const pt = [
    `${input.inviter} convidou você para «${input.workspaceName}» na Ruta como ${role.pt}.`,
    `Aceite o convite aqui (vence em ${days} dias): ${input.link}`,
  ];
  const en = [
    `${input.inviter} invited you to “${input.workspaceName}” on Ruta as ${role.en}.`,
    `Accept the invitation here (it expires in ${days} days): ${input.link}`,
  ];
  const link = escapeHtml(input.link);
  return {
    subject: `Invitación a ${input.workspaceName} en Ruta · Convite para ${input.workspaceName} na Ruta · Invitation to ${input.workspaceName} on Ruta`,
    text: `${es.join('\n')}\n\n${pt.join('\n')}\n\n${en.join('\n')}\n`,
    html: `<!doctype html><html><body style="font-family:sans-serif">
<p>${escapeHtml(es[0] as string)}</p><p><a href="${link}">Aceptar la invitación</a> (vence en ${days} días)</p>
<hr><p>${escapeHtml(pt[0] as string)}</p><p><a href="${link}">Aceitar o convite</a> (vence em ${days} dias)</p>
<hr><p>${escapeHtml(en[0] as string)}</p><p><a href="${link}">Accept the invitation</a> (expires in ${days} days)</p>
</body></html>`,
  };
}

/**
 * Mails the invitation through the workspace's newest SMTP channel, when it has one. A failure is
 * logged and reported, never thrown: the inviter still has the link to share.
 */
export async function mailInvitation(
  deps: Pick<AppDeps, 'sql' | 'log' | 'secrets'>,
  workspaceId: string,
  to: string,
  content: ReturnType<typeof invitationEmail>,
): Promise<InvitationMail> {
  const [channel] = await deps.sql<ChannelRow[]>`
    select * from channels where workspace_id = ${workspaceId} and provider = 'smtp'
    order by created_at desc limit 1`;
  if (!channel) return 'no_channel';
  try {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error('the mail server did not answer in time')),
        MAIL_DEADLINE_MS,
      );
    });
    await Promise.race([
      sendNoticeEmail(channel, deps.secrets, { to, ...content }),
      deadline,
    ]).finally(() => clearTimeout(timer));
    return 'sent';
  } catch (error) {
    deps.log.warn({ err: error, channelId: channel.id }, 'invitation email not sent');
    return 'failed';
  }
}
