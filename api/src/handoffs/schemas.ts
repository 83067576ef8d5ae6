import { z } from '@hono/zod-openapi';
import { HANDOFF_RESULTS } from '@ruta/shared';
import { Instant } from '../journeys/schemas';

const Localized = z.object({ es: z.string(), pt: z.string(), en: z.string() });
const Channel = z.enum(['whatsapp', 'sms', 'email', 'rcs']);

export const HandoffStatus = z.enum(['open', 'assigned', 'closed']).openapi('HandoffStatus');
export const HandoffResult = z.enum(HANDOFF_RESULTS).openapi('HandoffResult');

const Person = z.object({ id: z.string(), email: z.string(), name: z.string() });

/** What the customer last did before the hand-off: the text they wrote or the button they tapped. */
const LastInbound = z.object({
  channel: Channel,
  text: z.string().nullable(),
  buttonId: z.string().nullable(),
  at: Instant,
});

export const HandoffSummary = z
  .object({
    id: z.string(),
    queue: z.string(),
    status: HandoffStatus,
    result: HandoffResult.nullable(),
    createdAt: Instant,
    /** Seconds the customer has waited for a person: until the first answer, or until now. */
    waitingSeconds: z.number().int(),
    firstResponseAt: Instant.nullable(),
    closedAt: Instant.nullable(),
    /** The run waits for this conversation's close and goes on by its result. */
    waitsForAgent: z.boolean(),
    channel: Channel.nullable(),
    note: z.string().nullable(),
    contact: z.object({
      id: z.string(),
      name: z.string(),
      phone: z.string().nullable(),
      email: z.string().nullable(),
    }),
    journey: z.object({ id: z.string(), name: z.string() }).nullable(),
    assignee: Person.nullable(),
    lastInbound: LastInbound.nullable(),
  })
  .openapi('HandoffSummary');

const QueueCounts = {
  /** Open (nobody took it yet) and assigned conversations per queue, for the inbox's tabs and badge. */
  queues: z.array(
    z.object({ queue: z.string(), open: z.number().int(), assigned: z.number().int() }),
  ),
  /** Conversations nobody took yet, all queues: the navigation badge. */
  unassigned: z.number().int(),
};

export const InboxCounts = z.object(QueueCounts).openapi('InboxCounts');

export const HandoffList = z
  .object({
    items: z.array(HandoffSummary),
    ...QueueCounts,
  })
  .openapi('HandoffList');

export const ConversationEntry = z
  .object({
    id: z.string(),
    at: Instant,
    direction: z.enum(['out', 'in']),
    channel: Channel,
    text: z.string(),
    /** `journey`: the journey sent it; `agent`: a person, from the inbox; `customer`: a reply. */
    by: z.enum(['journey', 'agent', 'customer']),
    agent: z.string().nullable(),
    status: z.string().nullable(),
    buttonId: z.string().nullable(),
    journeyName: z.string().nullable(),
  })
  .openapi('ConversationEntry');

export const HandoffNote = z
  .object({ id: z.string(), body: z.string(), author: z.string().nullable(), at: Instant })
  .openapi('HandoffNote');

export const HandoffDetail = HandoffSummary.extend({
  /** The trigger event (for a cart: its id, total, items, link) as the run received it. */
  event: z.object({ name: z.string(), properties: z.record(z.string(), z.unknown()) }).nullable(),
  run: z
    .object({
      id: z.string(),
      status: z.string(),
      outcome: z.string().nullable(),
      /** The steps it took, in order, in words. */
      path: z.array(
        z.object({ nodeId: z.string(), at: Instant, name: Localized, port: Localized.nullable() }),
      ),
    })
    .nullable(),
  /** Every message and reply with this customer, all channels, oldest first (the newest 200). */
  conversation: z.array(ConversationEntry),
  notes: z.array(HandoffNote),
  /** WhatsApp's 24-hour window: free text only while it is open; a template otherwise. */
  window: z.object({ open: z.boolean(), closesAt: Instant.nullable() }),
}).openapi('HandoffDetail');

export const HandoffChange = z
  .object({
    /** `me`, a member's id, or null to give it back to the queue. */
    assignTo: z.union([z.literal('me'), z.string().uuid(), z.null()]).optional(),
    /** Close it with a result; a run waiting for it goes on by that result. */
    close: z.object({ result: HandoffResult }).optional(),
  })
  .openapi('HandoffChange');

export const AgentMessage = z
  .object({
    /** Free text (WhatsApp: only inside the 24-hour window), sent exactly as written. */
    text: z.string().trim().min(1).max(4096).optional(),
    /** An approved WhatsApp template, for outside the window. */
    template: z
      .object({
        name: z.string().regex(/^[a-z0-9_]{1,512}$/),
        language: z.string().regex(/^[a-z]{2,3}(_[A-Z]{2})?$/),
        params: z.array(z.string().max(1024)).max(20).default([]),
      })
      .optional(),
    /** Email: the subject (default: "Re: <queue>"). */
    subject: z.string().trim().min(1).max(250).optional(),
    /** The client's id for this message: the same id never sends twice. */
    clientId: z
      .string()
      .regex(/^[A-Za-z0-9_-]{8,64}$/)
      .optional(),
  })
  .openapi('AgentMessage');

export const AgentMessageSent = z
  .object({ messageId: z.string(), channel: Channel, status: z.string() })
  .openapi('AgentMessageSent');

export const NewHandoffNote = z
  .object({ body: z.string().trim().min(1).max(4000) })
  .openapi('NewHandoffNote');

export const HandoffQueue = z
  .object({
    queue: z.string(),
    /** Members emailed on each new conversation (through the workspace's email channel). */
    notifyUserIds: z.array(z.string()),
    webhookUrl: z.string().nullable(),
    /** The webhook is signed (`Ruta-Signature`); the secret is shown once, when it is made. */
    signed: z.boolean(),
  })
  .openapi('HandoffQueue');

export const HandoffQueueChange = z
  .object({
    notifyUserIds: z.array(z.string().uuid()).max(100),
    webhookUrl: z.string().url().max(2000).nullable(),
  })
  .openapi('HandoffQueueChange');

export const HandoffQueueSaved = HandoffQueue.extend({
  /** Only when a new secret was made (a webhook URL set for the first time): copy it now. */
  secret: z.string().optional(),
}).openapi('HandoffQueueSaved');

export const QueueParam = z.object({
  queue: z
    .string()
    .min(1)
    .max(60)
    .openapi({ param: { name: 'queue', in: 'path' } }),
});
