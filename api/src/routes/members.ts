import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { ROLES, type Role } from '@ruta/shared';
import { roleRequired } from '../access/forbidden';
import { audit } from '../audit/audit-log';
import type { AppEnv } from '../deps';
import { ProblemError } from '../http/problem';
import { validationHook } from '../http/validation';
import { Instant } from '../journeys/schemas';
import { invitationEmail, mailInvitation } from '../team/invitation-mail';
import {
  cancelInvitation,
  createInvitation,
  invitationLink,
  listInvitations,
  renewInvitation,
} from '../team/invitations';
import { changeRole, listMembers, removeMember } from '../team/members';
import { workspaceName } from '../workspace/store';
import { IdParam, json, jsonBody, ProblemSchema, problemResponses } from './schemas';

const problemDoc = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemSchema } },
});
const tags = ['Team'];

const RoleSchema = z.enum(ROLES).openapi('Role');
const UserIdParam = z.object({
  userId: z
    .string()
    .uuid()
    .openapi({ param: { name: 'userId', in: 'path' } }),
});
const Member = z
  .object({
    userId: z.string(),
    email: z.string(),
    name: z.string(),
    role: RoleSchema,
    joinedAt: z.string(),
  })
  .openapi('Member');
const Invite = z
  .object({ email: z.string().trim().toLowerCase().email().max(200), role: RoleSchema })
  .openapi('Invite');
const InvitationCreated = z
  .object({
    id: z.string(),
    link: z.string(),
    expiresAt: z.string(),
    email: z.string(),
    role: RoleSchema,
    mail: z.enum(['sent', 'no_channel', 'failed']),
  })
  .openapi('InvitationCreated');
const Invitation = z
  .object({
    id: z.string(),
    email: z.string(),
    role: RoleSchema,
    invitedBy: z.object({ id: z.string().nullable(), email: z.string().nullable() }),
    createdAt: Instant,
    expiresAt: Instant,
  })
  .openapi('Invitation');

/** Only an owner invites owners. */
function mayInvite(role: Role, actorRole: Role) {
  if (role === 'owner' && actorRole !== 'owner')
    throw new ProblemError(roleRequired('workspace.own', actorRole));
}

const forbidden = {
  403: problemDoc('Your role does not allow it (the problem names the role needed)'),
};

/** Sends the invitation by email when the workspace has an SMTP channel; returns how it went. */
async function deliver(
  c: Parameters<typeof audit>[0],
  invitation: {
    id: string;
    token: string;
    expiresAt: Date;
    email: string;
    role: z.infer<typeof RoleSchema>;
  },
) {
  const deps = c.get('deps');
  const { workspaceId, email } = c.get('auth');

  const link = invitationLink(deps.config.publicUrl, invitation.token);
  const mail = await mailInvitation(
    deps,
    workspaceId,
    invitation.email,
    invitationEmail({
      workspaceName: await workspaceName(deps.sql, workspaceId),
      inviter: email ?? 'Ruta',
      role: invitation.role,
      link,
      expiresAt: invitation.expiresAt,
    }),
  );
  return {
    id: invitation.id,
    link,
    expiresAt: invitation.expiresAt.toISOString(),
    email: invitation.email,
    role: invitation.role,
    mail,
  };
}

export const members = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags,
      summary: "The workspace's members and their roles (owners first)",
      responses: { 200: json(z.object({ items: z.array(Member) }), 'Members') },
    }),
    async (c) => {
      const items = await listMembers(c.get('deps').sql, c.get('auth').workspaceId);
      return c.json(
        { items: items.map((m) => ({ ...m, joinedAt: m.joinedAt.toISOString() })) },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/{userId}',
      tags,
      summary:
        "Change a member's role (only an owner gives or takes the owner role; the last owner stays); their sessions end",
      request: {
        params: UserIdParam,
        body: jsonBody(z.object({ role: RoleSchema }).openapi('RoleChange')),
      },
      responses: {
        200: json(z.object({ userId: z.string(), email: z.string(), role: RoleSchema }), 'Changed'),
        ...forbidden,
        409: problemDoc('It would leave the workspace without an owner'),
        ...problemResponses,
      },
    }),
    async (c) => {
      const { workspaceId, role: actorRole } = c.get('auth');
      const { userId } = c.req.valid('param');
      const { role } = c.req.valid('json');
      const changed = await changeRole(c.get('deps').sql, { workspaceId, userId, role, actorRole });
      if (changed.from !== changed.to)
        await audit(
          c,
          'member.role_changed',
          { type: 'member', id: userId, label: changed.email },
          {
            from: changed.from,
            to: changed.to,
            endedSessions: changed.endedSessions,
          },
        );
      return c.json({ userId, email: changed.email, role: changed.to }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/{userId}',
      tags,
      summary: 'Remove a member from the workspace (out at once: their sessions here end)',
      request: { params: UserIdParam },
      responses: {
        204: { description: 'Removed' },
        ...forbidden,
        409: problemDoc('It would leave the workspace without an owner'),
        ...problemResponses,
      },
    }),
    async (c) => {
      const { workspaceId, role: actorRole } = c.get('auth');
      const { userId } = c.req.valid('param');
      const removed = await removeMember(c.get('deps').sql, { workspaceId, userId, actorRole });
      await audit(
        c,
        'member.removed',
        { type: 'member', id: userId, label: removed.email },
        {
          role: removed.role,
        },
      );
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/invitations',
      tags,
      summary: 'Pending invitations (their links are not shown again: renew one for a new link)',
      responses: { 200: json(z.object({ items: z.array(Invitation) }), 'Invitations') },
    }),
    async (c) =>
      c.json({ items: await listInvitations(c.get('deps').sql, c.get('auth').workspaceId) }, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/invitations',
      tags,
      summary:
        'Invite someone by email with a role: answers the link to share (shown once) and mails it when the workspace has an email (SMTP) channel',
      request: { body: jsonBody(Invite) },
      responses: {
        201: json(InvitationCreated, 'Invited'),
        ...forbidden,
        409: problemDoc('Already a member'),
        ...problemResponses,
      },
    }),
    async (c) => {
      const { workspaceId, userId, role: actorRole } = c.get('auth');
      const input = c.req.valid('json');
      mayInvite(input.role, actorRole);
      const created = await createInvitation(c.get('deps').sql, {
        workspaceId,
        email: input.email,
        role: input.role,
        invitedBy: userId ?? null,
      });
      const body = await deliver(c, { ...created, email: input.email, role: input.role });
      await audit(
        c,
        'member.invited',
        { type: 'invitation', id: created.id, label: input.email },
        {
          role: input.role,
          mail: body.mail,
        },
      );
      return c.json(body, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/invitations/{id}/renew',
      tags,
      summary:
        'A new link (valid 7 more days) for a pending invitation; the old link stops working',
      request: { params: IdParam },
      responses: { 200: json(InvitationCreated, 'Renewed'), ...forbidden, ...problemResponses },
    }),
    async (c) => {
      const { workspaceId, role: actorRole } = c.get('auth');
      const renewed = await renewInvitation(
        c.get('deps').sql,
        workspaceId,
        c.req.valid('param').id,
        (role) => mayInvite(role, actorRole),
      );
      const body = await deliver(c, renewed);
      await audit(
        c,
        'member.invitation_renewed',
        { type: 'invitation', id: renewed.id, label: renewed.email },
        {
          mail: body.mail,
        },
      );
      return c.json(body, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/invitations/{id}',
      tags,
      summary: 'Cancel a pending invitation (its link stops working)',
      request: { params: IdParam },
      responses: { 204: { description: 'Cancelled' }, ...forbidden, ...problemResponses },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const cancelled = await cancelInvitation(c.get('deps').sql, c.get('auth').workspaceId, id);
      await audit(c, 'member.invitation_cancelled', {
        type: 'invitation',
        id,
        label: cancelled.email,
      });
      return c.body(null, 204);
    },
  );
