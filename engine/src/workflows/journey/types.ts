import type { Channel, JourneyDefinition, ReplyIntent } from '@ruta/shared/workflow';

/** What a run starts with: the immutable version snapshot, never read from the database again. */
export interface JourneyRunInput {
  runId: string;
  workspaceId: string;
  journeyId: string;
  journeyName: string;
  versionId: string;
  version: number;
  definition: JourneyDefinition;
  contactId: string;
  /**
   * The contact as enrollment read it (event triggers already load it for their filters); when
   * absent the run loads it itself. Saves a local activity and its history marker per run.
   */
  contact?: ContactSnapshot;
  entryKey?: string;
  triggerEvent?: TriggerEventSnapshot;
  group: 'treatment' | 'holdout';
  /** Preview: same code, time compressed (a day of waiting passes in 86400 / timeScale seconds). */
  preview?: { timeScale: number };
  /** Present when the run continues as new: where it was and what it knew. */
  carried?: CarriedState;
}

export interface TriggerEventSnapshot {
  id?: string;
  name: string;
  properties: Record<string, unknown>;
  occurredAt: string;
}

/** The contact as the workflow sees it (refreshed at start and by every send). */
export interface ContactSnapshot {
  id: string;
  externalId?: string | null;
  phone?: string | null;
  email?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  timeZone: string;
  locale?: string | null;
  attributes: Record<string, unknown>;
  tags: string[];
  consent: Partial<Record<Channel, boolean>>;
  lastInboundAt: Partial<Record<Channel, string>>;
}

export type EngagementKind = 'reply' | 'open' | 'click' | 'delivered' | 'read' | 'failed';

/**
 * What every signal from outside may carry: the outbox row that delivered it (a repeat of the same
 * row is ignored) and the run it is meant for (another run under the same workflow id ignores it).
 */
export interface Delivery {
  deliveryId?: string;
  runId?: string;
}

/** How the API chose the run a reply went to (DESIGN §8.1). */
export type ReplyRouting = 'context' | 'latest_message' | 'opt_out';

/** Signal `engagement`: something a contact did with a message, or a provider status. */
export interface EngagementSignal extends Delivery {
  kind: EngagementKind;
  /** The message it concerns: the one answered (a reply) or the one a status is about. */
  messageId?: string;
  /** Replies: why the reply reached this run. */
  routedBy?: ReplyRouting;
  /** Failed statuses: the provider's reason when it is final for the channel (`opted_out`). */
  reason?: string;
  channel?: Channel;
  text?: string;
  buttonId?: string;
  /** The reply's intent as the API classified it (absent in older signals: the run classifies). */
  intent?: ReplyIntent | null;
  at: string;
}

/** Signal `event`: a custom event for the contact (goal, `wait_for` event). */
export interface EventSignal extends Delivery {
  id: string;
  name: string;
  properties: Record<string, unknown>;
  occurredAt: string;
}

/** Signal `exit`: an operator removes the contact from the journey. */
export interface ExitSignal extends Delivery {
  reason?: string;
  by?: string;
}

/** Signal `handoffClosed`: the agent closed the run's hand-off with a result. */
export interface HandoffClosedSignal extends Delivery {
  handoffId: string;
  result: 'sold' | 'solved' | 'no_sale';
  by?: string;
}

export interface WaitingFor {
  /** `agent`: a hand-off step waits for the agent to close the conversation. */
  kind: 'signals' | 'time' | 'quiet_hours' | 'frequency_cap' | 'agent';
  nodeId: string;
  ports?: string[];
  until: string;
  /** `signals`: whether a reply is among them (replies without context go to runs that wait for one). */
  reply?: boolean;
}

export type RunStatus = 'active' | 'completed' | 'failed';

/** Query `state`. */
export interface RunState {
  runId: string;
  status: RunStatus;
  currentNodeId: string | undefined;
  waitingFor: WaitingFor | undefined;
  outcome: string | undefined;
  convertedAt: string | undefined;
  visits: Record<string, number>;
  group: 'treatment' | 'holdout';
  preview: boolean;
}

export type StepKind =
  | 'entered'
  | 'visited'
  | 'took'
  | 'message'
  | 'deferred'
  | 'waiting'
  | 'signal'
  | 'goal'
  | 'contact_updated'
  | 'webhook'
  | 'handoff'
  | 'ended';

/** One line of the run's timeline (flushed to run_steps). */
export interface JournalStep {
  seq: number;
  at: string;
  nodeId: string;
  kind: StepKind;
  port?: string;
  detail?: Record<string, unknown>;
}

/** A signal as the run received it, kept so a `wait_for` also sees what arrived just before it began. */
export type ReceivedSignal = (
  | { type: 'engagement'; signal: EngagementSignal }
  | { type: 'event'; signal: EventSignal }
) & {
  receivedAt: number;
  /** Set once a `wait_for` took this signal: each signal wakes one wait only. */
  consumed?: boolean;
};

export interface SentMessage {
  nodeId: string;
  messageId: string;
  channel: Channel;
  sentAt: number;
  /** The send node's visit (a fallback sent later keeps the step's idempotency keys). */
  visit?: number;
  /** Set once a later failure or silence made the run try the node's next channel. */
  fellBack?: boolean;
  /** The fallback was deferred (quiet hours, frequency cap): workflow time it is tried again. */
  fallbackAt?: number;
}

export interface CarriedState {
  nextNodeId: string;
  visits: Record<string, number>;
  steps: number;
  journalSeq: number;
  sent: SentMessage[];
  /** The latest signals, consumed ones included (branch conditions read their engagement). */
  received: ReceivedSignal[];
  /** Engagement facts of the older signals not carried in `received`. */
  engagement?: Record<string, unknown>;
  /** Webhook responses kept on the run. */
  saved?: Record<string, unknown>;
  convertedAt?: string;
  startedAt: number;
  contact: ContactSnapshot;
  /** The latest outbox deliveries taken (repeats are ignored across continue-as-new too). */
  deliveries?: string[];
  /** Whether failed statuses make the run fall back (see `delivery-watch.ts`). */
  fallbackOnStatus?: boolean;
}

export interface RunResult {
  outcome: string;
  convertedAt?: string;
}
