import type { Permission } from '@ruta/shared';

export interface RouteAccess {
  /** What the route needs; the least role holding it is in @ruta/shared's PERMISSIONS. */
  permission: Permission;
  /** An `ingest` API key may call it too (events, contacts, source webhooks). */
  ingest?: true;
}

const read: RouteAccess = { permission: 'read' };
const ingestRead: RouteAccess = { permission: 'read', ingest: true };
const journeys: RouteAccess = { permission: 'journeys.write' };
const contacts: RouteAccess = { permission: 'contacts.write', ingest: true };
const channels: RouteAccess = { permission: 'channels.manage' };
const sources: RouteAccess = { permission: 'sources.manage' };
const members: RouteAccess = { permission: 'members.manage' };
const keys: RouteAccess = { permission: 'apiKeys.manage' };
const account: RouteAccess = { permission: 'account.manage' };

/**
 * Every private route (`METHOD /api/path` as Hono registers it) and what it needs. The authorize
 * middleware refuses a route missing here (fail closed), and `access.test.ts` walks the app's
 * route table against it for every role and key scope.
 */
export const ROUTE_ACCESS: Record<string, RouteAccess> = {
  // You
  'GET /api/me': ingestRead,
  'POST /api/auth/logout': account,
  'POST /api/auth/logout-everywhere': account,
  'POST /api/auth/password': account,

  // Journeys
  'GET /api/templates': read,
  'GET /api/journeys': read,
  'POST /api/journeys': journeys,
  'GET /api/journeys/:id': read,
  'PATCH /api/journeys/:id': journeys,
  'DELETE /api/journeys/:id': journeys,
  'POST /api/journeys/:id/duplicate': journeys,
  'PUT /api/journeys/:id/draft': journeys,
  'POST /api/journeys/:id/validate': read,
  'POST /api/journeys/:id/publish': journeys,
  'POST /api/journeys/:id/activate': journeys,
  'POST /api/journeys/:id/pause': journeys,
  'POST /api/journeys/:id/resume': journeys,
  'POST /api/journeys/:id/stop': journeys,
  'POST /api/journeys/:id/archive': journeys,
  'POST /api/journeys/:id/preview': journeys,
  'POST /api/journeys/:id/enroll': journeys,
  'POST /api/journeys/:id/sweep': journeys,
  'GET /api/journeys/:id/versions': read,
  'POST /api/journeys/:id/versions/:versionId/restore': journeys,
  'GET /api/journeys/:id/impact': read,
  'GET /api/journeys/:id/analytics': read,

  // Contacts and events
  'GET /api/contacts': ingestRead,
  'POST /api/contacts': contacts,
  'POST /api/contacts/import': contacts,
  'GET /api/contacts/imports/:importId': ingestRead,
  'GET /api/contacts/:id': ingestRead,
  'GET /api/contacts/:id/timeline': ingestRead,
  'PATCH /api/contacts/:id': contacts,
  'DELETE /api/contacts/:id': contacts,
  'GET /api/contacts/:id/export': { permission: 'contacts.export' },
  'POST /api/events': { permission: 'events.send', ingest: true },

  // Runs and the sandbox
  'GET /api/runs': read,
  'GET /api/runs/export': read,
  'GET /api/runs/:id': read,
  'POST /api/runs/:id/exit': { permission: 'runs.write' },
  'GET /api/sandbox/conversations/:contactId': read,
  'POST /api/sandbox/inbound': { permission: 'sandbox.use' },
  'POST /api/sandbox/messages/:id/:event': { permission: 'sandbox.use' },

  // Channels
  'GET /api/channels': read,
  'POST /api/channels': channels,
  'GET /api/channels/:id': read,
  'PATCH /api/channels/:id': channels,
  'DELETE /api/channels/:id': channels,
  'POST /api/channels/:id/templates/sync': channels,
  'GET /api/whatsapp-templates': read,
  'GET /api/webhook-receipts': channels,
  'POST /api/webhook-receipts/:id/replay': channels,

  // Sources (stores and Segment-compatible CDPs)
  'GET /api/sources': read,
  'POST /api/sources': sources,
  'GET /api/sources/:id': read,
  'PATCH /api/sources/:id': sources,
  'DELETE /api/sources/:id': sources,
  'GET /api/sources/:id/deliveries': sources,
  'POST /api/sources/:id/deliveries/:deliveryId/replay': sources,
  'POST /api/sources/:id/test': sources,

  // Conversations (the inbox)
  'GET /api/handoffs': read,
  'GET /api/handoffs/summary': read,
  'GET /api/handoffs/queues': read,
  'PUT /api/handoffs/queues/:queue': { permission: 'handoffs.manage' },
  'GET /api/handoffs/:id': read,
  'PATCH /api/handoffs/:id': { permission: 'handoffs.work' },
  'POST /api/handoffs/:id/messages': { permission: 'handoffs.work' },
  'POST /api/handoffs/:id/notes': { permission: 'handoffs.work' },

  // Team and access
  'GET /api/members': read,
  'PATCH /api/members/:userId': members,
  'DELETE /api/members/:userId': members,
  'GET /api/members/invitations': members,
  'POST /api/members/invitations': members,
  'POST /api/members/invitations/:id/renew': members,
  'DELETE /api/members/invitations/:id': members,
  'GET /api/api-keys': keys,
  'POST /api/api-keys': keys,
  'DELETE /api/api-keys/:id': keys,
  'GET /api/audit': { permission: 'audit.read' },

  // The workspace
  'GET /api/workspace': read,
  'PATCH /api/workspace': { permission: 'workspace.manage' },
  'PUT /api/workspace/prices': { permission: 'workspace.own' },
};
