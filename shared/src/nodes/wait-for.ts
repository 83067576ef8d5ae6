import { z } from 'zod';
import { Condition } from '../model/condition';
import { Duration } from '../model/duration';
import { PortName } from '../model/ids';
import { ReplyMatch } from '../replies/index';
import { checkPorts, nodeBase } from './common';

export { TIMEOUT_PORT } from '../model/reserved';

import { TIMEOUT_PORT } from '../model/reserved';

export const ReplySignal = z.object({
  port: PortName,
  kind: z.literal('reply'),
  /** No match = any reply. */
  match: ReplyMatch.optional(),
  /** Contact attribute that stores the reply text (e.g. an NPS score). */
  saveAs: z.string().min(1).optional(),
});
export type ReplySignal = z.infer<typeof ReplySignal>;

export const EventSignal = z.object({
  port: PortName,
  kind: z.literal('event'),
  event: z.string().min(1),
  filters: z.array(Condition).default([]),
  /** 'entry_key': only events about this run's entry key (this cart); 'contact': any of the contact's. */
  scope: z.enum(['entry_key', 'contact']).default('entry_key'),
});
export type EventSignal = z.infer<typeof EventSignal>;

const engagementSignal = <K extends string>(kind: K) =>
  z.object({ port: PortName, kind: z.literal(kind) });

export const WaitSignal = z.discriminatedUnion('kind', [
  ReplySignal,
  engagementSignal('open'),
  engagementSignal('click'),
  engagementSignal('delivered'),
  engagementSignal('read'),
  EventSignal,
]);
export type WaitSignal = z.infer<typeof WaitSignal>;
export type WaitSignalKind = WaitSignal['kind'];

/** Signals about a message (as opposed to custom events): they need a send before the wait. */
export const MESSAGE_SIGNAL_KINDS: readonly WaitSignalKind[] = [
  'reply',
  'open',
  'click',
  'delivered',
  'read',
];

export const WaitForNode = z
  .object({
    type: z.literal('wait_for'),
    ...nodeBase,
    signals: z.array(WaitSignal).min(1),
    timeout: Duration,
    /** The send whose message the signals are about; by default the run's last send. */
    messageNodeId: z.string().min(1).optional(),
  })
  .superRefine((node, ctx) => checkPorts(ctx, node.signals, 'signals', TIMEOUT_PORT));
export type WaitForNode = z.infer<typeof WaitForNode>;

export function outputPorts(node: WaitForNode): string[] {
  return [...node.signals.map((signal) => signal.port), TIMEOUT_PORT];
}
