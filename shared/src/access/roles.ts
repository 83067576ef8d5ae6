/**
 * Who may do what in a workspace (DESIGN §9). One home for the role matrix: the API's route table
 * names a permission per route and the editor asks `can(role, permission)` before offering an
 * action. Roles are ordered; each one may do everything the roles below it may.
 */
export const ROLES = ['viewer', 'agent', 'editor', 'admin', 'owner'] as const;
export type Role = (typeof ROLES)[number];

/** `ingest`: events, contacts and source webhooks only. `full`: an admin's rights. */
export const API_KEY_SCOPES = ['ingest', 'full'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/** The role a `full` API key acts with. */
export const FULL_KEY_ROLE: Role = 'admin';

/** Each permission and the least role that holds it. */
export const PERMISSIONS = {
  /** Read anything in the workspace: journeys, runs, contacts, analytics, channels, members. */
  read: 'viewer',
  /** End one's own sessions, change one's own password. */
  'account.manage': 'viewer',
  /** Work the inbox («Conversaciones»): take a hand-off, answer the customer, add notes, close it. */
  'handoffs.work': 'agent',
  /** Who hears of a queue's new hand-offs (emails, its signed webhook). */
  'handoffs.manage': 'admin',
  /** Create, edit, publish, activate, pause, resume, stop, archive, preview and enroll journeys. */
  'journeys.write': 'editor',
  /** Create, change, import and erase contacts. */
  'contacts.write': 'editor',
  /** Send events (single and batch ingest). */
  'events.send': 'editor',
  /** Everything Ruta holds about one contact, as JSON (a privacy request). */
  'contacts.export': 'editor',
  /** Remove a contact from a run in flight. */
  'runs.write': 'editor',
  /** Reply, tap, open and click in the sandbox inbox. */
  'sandbox.use': 'editor',
  /** Add, change and remove channels; sync templates; read and replay raw webhooks. */
  'channels.manage': 'admin',
  /** Connect, change and remove sources (stores, CDPs); read and replay their deliveries. */
  'sources.manage': 'admin',
  /** Invite, change the role of and remove members (owners only by an owner). */
  'members.manage': 'admin',
  /** Create and revoke API keys. */
  'apiKeys.manage': 'admin',
  /** Read the audit log. */
  'audit.read': 'admin',
  /** The workspace's name and other settings. */
  'workspace.manage': 'admin',
  /** Billing-like settings (prices per message) and ownership. */
  'workspace.own': 'owner',
} as const satisfies Record<string, Role>;
export type Permission = keyof typeof PERMISSIONS;

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** True when `role` is `needed` or above it. */
export function roleAtLeast(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

export function requiredRole(permission: Permission): Role {
  return PERMISSIONS[permission];
}

export function can(role: Role | null | undefined, permission: Permission): boolean {
  return role ? roleAtLeast(role, PERMISSIONS[permission]) : false;
}

/** The roles `actor` may give or take away: owners manage owners; admins everyone below owner. */
export function assignableRoles(actor: Role): Role[] {
  if (actor === 'owner') return [...ROLES];
  if (roleAtLeast(actor, PERMISSIONS['members.manage'])) return ROLES.filter((r) => r !== 'owner');
  return [];
}
