/**
 * The bare engine: minimal workflows written straight against the Temporal SDK, the baseline Ruta
 * is measured against. No journaling, no database, no interpreter.
 */
import {
  condition,
  continueAsNew,
  defineSignal,
  proxyActivities,
  proxyLocalActivities,
  proxySinks,
  type Sinks,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { HandwrittenActivities } from '../handwritten/activities';
import type { HandwrittenSweepActivities } from '../handwritten/sweep';
import type { BareActivities } from './activities';

export interface BenchSinks extends Sinks {
  bench: { waiting(): void };
}

export const enrollSignal = defineSignal<[unknown]>('enroll');
export const replySignal = defineSignal<[{ text?: string; buttonId?: string }]>('reply');
export const eventSignal = defineSignal<[{ name: string }]>('event');

const { bench } = proxySinks<BenchSinks>();
const remote = proxyActivities<BareActivities>({ startToCloseTimeout: '60 seconds' });
const local = proxyLocalActivities<BareActivities>({ startToCloseTimeout: '15 seconds' });
const sweep = proxyActivities<HandwrittenSweepActivities>({
  startToCloseTimeout: '10 minutes',
  retry: { initialInterval: '5 seconds', maximumAttempts: 10 },
});
const provider = proxyActivities<HandwrittenActivities>({
  startToCloseTimeout: '60 seconds',
  retry: { initialInterval: '2 seconds', maximumAttempts: 12 },
});

/**
 * The reference workflow: enrolled by `signalWithStart`, waits on `condition` (with a
 * timeout, as a `wait_for` does), runs one activity, completes.
 */
export async function minimalWorkflow(input: { timeoutMs: number }): Promise<string> {
  let replied = false;
  setHandler(enrollSignal, () => {});
  setHandler(replySignal, () => {
    replied = true;
  });
  bench.waiting();
  const got = await condition(() => replied, input.timeoutMs);
  if (!got) return 'timeout';
  await remote.send({ step: 'next' });
  return 'done';
}

/**
 * The abandoned-cart journey written by hand with the fewest Temporal commands that do the same
 * steps: a send activity (WhatsApp, falling back to SMS), a wait for a reply or an order with a
 * timeout, then the branch's step (send / handoff / contact update, as activities of the same kind
 * Ruta uses: remote for sends, local for database writes) and the end.
 */
export async function minimalCartWorkflow(input: {
  timeoutMs: number;
  consent: boolean;
}): Promise<string> {
  const replies: { text?: string; buttonId?: string }[] = [];
  let ordered = false;
  setHandler(enrollSignal, () => {});
  setHandler(replySignal, (reply) => {
    replies.push(reply);
  });
  setHandler(eventSignal, (event) => {
    if (event.name === 'order_placed') ordered = true;
  });
  const first = await remote.send({ step: 'cart', consent: input.consent });
  if (!first.sent) return 'not_delivered';
  bench.waiting();
  const got = await condition(() => replies.length > 0 || ordered, input.timeoutMs);
  if (ordered) return 'converted';
  if (!got) {
    const reminder = await remote.send({ step: 'reminder', consent: input.consent });
    if (!reminder.sent) return 'not_delivered';
    return (await condition(() => ordered, input.timeoutMs)) ? 'converted' : 'no_response';
  }
  const reply = replies[0] ?? {};
  if (reply.buttonId === 'buy') {
    await remote.send({ step: 'buy_link' });
    return 'clicked_buy';
  }
  if (reply.buttonId !== 'help' && /^\s*(baja|stop|parar)\s*$/i.test(reply.text ?? '')) {
    await local.updateContact({ optOut: true });
    return 'opted_out';
  }
  await local.handoff({ queue: 'ventas' });
  return 'handed_off';
}

/**
 * The abandoned cart a team would write by hand on Temporal, doing the work Ruta's run does: its
 * event stored by the hand-written handler (handwritten/server.ts), the WhatsApp sent through a
 * real provider activity that records the message (SMS when WhatsApp cannot carry it), a wait for
 * the reply or the order, then the branch's step. Compared with Ruta for enrollment (#1).
 */
export async function handwrittenCartWorkflow(input: {
  contactId: string;
  eventId: string;
  cartTotal: string;
  cartUrl: string;
  timeoutMs: number;
}): Promise<string> {
  const replies: { text?: string; buttonId?: string }[] = [];
  let ordered = false;
  setHandler(enrollSignal, () => {});
  setHandler(replySignal, (reply) => {
    replies.push(reply);
  });
  setHandler(eventSignal, (event) => {
    if (event.name === 'order_placed') ordered = true;
  });
  const { workflowId } = workflowInfo();
  const send = (step: string, channel: 'whatsapp' | 'sms') =>
    provider.sendMessage({
      workflowId,
      contactId: input.contactId,
      step,
      channel,
      cartTotal: input.cartTotal,
      cartUrl: input.cartUrl,
    });
  let first = await send('send_cart', 'whatsapp');
  if (!first.sent) first = await send('send_cart:sms', 'sms');
  if (!first.sent) return 'not_delivered';
  bench.waiting();
  const got = await condition(() => replies.length > 0 || ordered, input.timeoutMs);
  if (ordered) return 'converted';
  if (!got) {
    const reminder = await send('send_reminder', 'sms');
    if (!reminder.sent) return 'not_delivered';
    return (await condition(() => ordered, input.timeoutMs)) ? 'converted' : 'no_response';
  }
  const reply = replies[0] ?? {};
  if (reply.buttonId === 'buy') {
    await send('send_buy_link', 'whatsapp');
    return 'clicked_buy';
  }
  if (reply.buttonId !== 'help' && /^\s*(baja|stop|parar)\s*$/i.test(reply.text ?? '')) {
    await local.updateContact({ optOut: true });
    return 'opted_out';
  }
  await local.handoff({ queue: 'ventas' });
  return 'handed_off';
}

/**
 * The hand-written segment sweep: page after page of the segment, each page's contacts started
 * by the activity, continuing as new every 200 pages (as Ruta's sweepWorkflow does).
 */
export async function handwrittenSweepWorkflow(input: {
  campaign: string;
  after?: string;
  started?: number;
}): Promise<number> {
  let started = input.started ?? 0;
  let after = input.after;
  for (let pages = 0; pages < 200; pages++) {
    const page = await sweep.hwSweepPage({ campaign: input.campaign, ...(after ? { after } : {}) });
    started += page.started;
    if (!page.next) return started;
    after = page.next;
  }
  return continueAsNew<typeof handwrittenSweepWorkflow>({ ...input, after, started });
}
