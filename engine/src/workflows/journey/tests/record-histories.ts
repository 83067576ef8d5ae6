/**
 * Records one Temporal history per branch of every journey template, for `replay.test.ts`.
 *
 *   node --import tsx engine/src/workflows/journey/tests/record-histories.ts            # missing files only
 *   node --import tsx engine/src/workflows/journey/tests/record-histories.ts overwrite  # re-record all
 *
 * (equivalently `RUTA_RECORD_HISTORIES=1 npx vitest run engine/src/workflows/journey/tests/record-histories.test.ts`;
 * add RUTA_RECORD_HISTORIES_TAG=<tag> to record a new generation beside the old files).
 * Recording runs under Vitest because it needs the run's Temporal dev server and PostgreSQL.
 * Existing files are kept by default: a recorded history stands for runs in flight on the code
 * that recorded it, and the replay test must keep passing for them (change workflow code with
 * `patched()`, then add new recordings next to the old ones).
 */
import { pathToFileURL } from 'node:url';
import { getJourneyTemplate, type JourneyDefinition, type JourneyTemplateId } from '@ruta/shared';
import type { ContactFixture } from '../../../testing/fixtures';
import { withShortDurations } from '../../../testing/fixtures';
import {
  eventCount,
  type History,
  recordHistoriesUnderVitest,
} from '../../../testing/history-files';
import { type JourneyHarness, started } from '../../../testing/journey-harness';

/** Hooks a scenario may set for the recording worker (see record-histories.test.ts). */
export const recorderHooks: { afterAccepted?: (messageId: string) => Promise<void> } = {};

export interface HistoryScenario {
  template: JourneyTemplateId;
  branch: string;
  /** The outcome the run must end with, or the recording is wrong. */
  outcome: string;
  /** Enrolls and drives one run to its end; returns the run. */
  run(h: JourneyHarness): Promise<{ runId: string; workflowId: string }>;
}

export interface RecordedHistory {
  name: string;
  scenario: HistoryScenario;
  outcome: string;
  history: History;
  events: number;
}

/** Long enough that a signal always beats the timeout; short enough to keep timers small. */
const LONG = 60;
/** Timeouts the recording waits out. */
const SHORT = 1;

/** A template with every wait shortened to `seconds`, and some waits set one by one. */
function shortened(
  id: JourneyTemplateId,
  seconds: number,
  perNode: Record<string, number> = {},
): JourneyDefinition {
  const template = getJourneyTemplate(id);
  if (!template) throw new Error(`no template ${id}`);
  const definition = withShortDurations(template.definition, seconds);
  for (const [nodeId, amount] of Object.entries(perNode)) {
    const node = definition.nodes[nodeId];
    if (node?.type === 'wait_for') node.timeout = { amount, unit: 'seconds' };
    else if (node?.type === 'wait' && node.until.kind === 'duration')
      node.until.duration = { amount, unit: 'seconds' };
    else throw new Error(`${id}.${nodeId} is not a wait`);
  }
  return definition;
}

let carts = 0;

async function enrollCart(
  h: JourneyHarness,
  definition: JourneyDefinition,
  opts: {
    contact?: ContactFixture;
    group?: 'treatment' | 'holdout';
    preview?: { timeScale: number };
    /** The trigger event's name (the store cart starts on `checkout_started`). */
    eventName?: string;
  } = {},
) {
  carts += 1;
  const cartId = `rec-${carts}-${Date.now()}`;
  const journey = await h.publish(definition);
  const contactId = await h.contact({ firstName: 'Ana', ...opts.contact });
  const run = started(
    await h.enroll(journey, contactId, {
      event: {
        name: opts.eventName ?? 'cart_abandoned',
        properties: {
          cart_id: cartId,
          cart_total: '$1,299.00',
          item_count: 3,
          cart_url: `https://tienda.mx/c/${cartId}`,
        },
      },
      ...(opts.group ? { group: opts.group } : {}),
      ...(opts.preview ? { preview: opts.preview } : {}),
    }),
  );
  return { ...run, contactId, cartId };
}

async function enrollPlain(
  h: JourneyHarness,
  definition: JourneyDefinition,
  opts: { contact?: ContactFixture; event?: { name: string; properties: Record<string, unknown> } },
) {
  const journey = await h.publish(definition);
  const contactId = await h.contact({ firstName: 'Luis', ...opts.contact });
  const run = started(await h.enroll(journey, contactId, opts.event ? { event: opts.event } : {}));
  return { ...run, contactId, journey };
}

async function messageOf(h: JourneyHarness, runId: string, nodeId: string) {
  const message = (await h.messages(runId)).find((m) => m.node_id === nodeId);
  if (!message) throw new Error(`run ${runId} has no message from ${nodeId}`);
  return message;
}

const lead = { name: 'lead_created', properties: { source: 'web' } };

/** Enrolls new leads until the A/B split sends `variant`; the others are removed. */
async function leadInVariant(h: JourneyHarness, definition: JourneyDefinition, variant: 'a' | 'b') {
  const journey = await h.publish(definition);
  for (let attempt = 0; attempt < 30; attempt++) {
    const contactId = await h.contact({ firstName: 'Luis' });
    const run = started(await h.enroll(journey, contactId, { event: lead }));
    await h.waitingAt(run.runId, 'wait_reply');
    const [first] = await h.messages(run.runId);
    if (first?.node_id === `send_${variant}`) return run;
    await h.exit(run.workflowId);
    await h.result(run.workflowId);
  }
  throw new Error(`the split never chose variant ${variant}`);
}

function scenario(
  template: JourneyTemplateId,
  branch: string,
  outcome: string,
  run: HistoryScenario['run'],
): HistoryScenario {
  return { template, branch, outcome, run };
}

export const abandonedCartScenarios: HistoryScenario[] = [
  scenario('abandoned_cart', 'tapped_buy', 'clicked_buy', async (h) => {
    const run = await enrollCart(h, shortened('abandoned_cart', LONG));
    await h.waitingAt(run.runId, 'wait_cart');
    await h.reply(run.workflowId, { buttonId: 'buy', text: 'Comprar' });
    return run;
  }),
  scenario('abandoned_cart', 'tapped_help', 'handed_off', async (h) => {
    const run = await enrollCart(h, shortened('abandoned_cart', LONG));
    await h.waitingAt(run.runId, 'wait_cart');
    await h.reply(run.workflowId, { buttonId: 'help', text: 'Tengo dudas' });
    return run;
  }),
  scenario('abandoned_cart', 'replied_opt_out', 'opted_out', async (h) => {
    const run = await enrollCart(h, shortened('abandoned_cart', LONG));
    await h.waitingAt(run.runId, 'wait_cart');
    await h.reply(run.workflowId, { text: 'BAJA' });
    return run;
  }),
  scenario('abandoned_cart', 'replied_question', 'handed_off', async (h) => {
    const run = await enrollCart(h, shortened('abandoned_cart', LONG));
    await h.waitingAt(run.runId, 'wait_cart');
    await h.reply(run.workflowId, { text: '¿Hacen envíos a Monterrey?' });
    return run;
  }),
  scenario('abandoned_cart', 'ordered', 'converted', async (h) => {
    const run = await enrollCart(h, shortened('abandoned_cart', LONG));
    await h.waitingAt(run.runId, 'wait_cart');
    await h.event(run.workflowId, run.contactId, 'order_placed', { cart_id: run.cartId });
    return run;
  }),
  scenario('abandoned_cart', 'timeout_no_response', 'no_response', async (h) => {
    return enrollCart(h, shortened('abandoned_cart', SHORT));
  }),
  scenario('abandoned_cart', 'timeout_then_ordered', 'converted', async (h) => {
    const run = await enrollCart(h, shortened('abandoned_cart', LONG, { wait_cart: SHORT }));
    await h.waitingAt(run.runId, 'wait_order');
    await h.event(run.workflowId, run.contactId, 'order_placed', { cart_id: run.cartId });
    return run;
  }),
  scenario('abandoned_cart', 'not_delivered', 'not_delivered', async (h) => {
    return enrollCart(h, shortened('abandoned_cart', LONG), {
      contact: { consent: { whatsapp: false, sms: false } },
    });
  }),
  scenario('abandoned_cart', 'removed', 'removed', async (h) => {
    const run = await enrollCart(h, shortened('abandoned_cart', LONG));
    await h.waitingAt(run.runId, 'wait_cart');
    await h.exit(run.workflowId);
    return run;
  }),
  scenario('abandoned_cart', 'holdout_tapped_buy', 'clicked_buy', async (h) => {
    const run = await enrollCart(h, shortened('abandoned_cart', LONG), { group: 'holdout' });
    await h.waitingAt(run.runId, 'wait_cart');
    await h.reply(run.workflowId, { buttonId: 'buy', text: 'Comprar' });
    return run;
  }),
  // DESIGN §8.3: Meta reports the WhatsApp message failed after the send; the SMS goes instead.
  scenario('abandoned_cart', 'whatsapp_failed_sms_ordered', 'converted', async (h) => {
    const run = await enrollCart(h, shortened('abandoned_cart', LONG));
    await h.waitingAt(run.runId, 'wait_cart');
    const whatsapp = await messageOf(h, run.runId, 'send_cart');
    await h.engagement(run.workflowId, {
      kind: 'failed',
      messageId: whatsapp.id,
      deliveryId: 'f-1',
    });
    const deadline = Date.now() + 20_000;
    while ((await h.messages(run.runId)).length < 2) {
      if (Date.now() > deadline) throw new Error('the SMS fallback never went');
      await new Promise((r) => setTimeout(r, 100));
    }
    await h.event(run.workflowId, run.contactId, 'order_placed', { cart_id: run.cartId });
    return run;
  }),
  // DESIGN §8.1: the tap names the message and arrives while the send is still completing.
  scenario('abandoned_cart', 'tapped_buy_before_wait', 'clicked_buy', async (h) => {
    recorderHooks.afterAccepted = async (messageId) => {
      recorderHooks.afterAccepted = undefined;
      const [row] = await h.sql<{ workflow_id: string }[]>`
        select r.workflow_id from messages m join runs r on r.id = m.run_id where m.id = ${messageId}`;
      await h.engagement(row?.workflow_id as string, {
        kind: 'reply',
        channel: 'whatsapp',
        messageId,
        buttonId: 'buy',
        text: 'Comprar',
        routedBy: 'context',
        deliveryId: 't-1',
      });
      await new Promise((r) => setTimeout(r, 300));
    };
    return enrollCart(h, shortened('abandoned_cart', LONG));
  }),
  // The outbox delivers at least once: the same tap twice, and a signal meant for another run.
  scenario('abandoned_cart', 'repeated_signals_ignored', 'clicked_buy', async (h) => {
    const run = await enrollCart(h, shortened('abandoned_cart', LONG));
    await h.waitingAt(run.runId, 'wait_cart');
    const other = { kind: 'reply' as const, channel: 'whatsapp' as const, text: 'BAJA' };
    await h.engagement(run.workflowId, { ...other, runId: '00000000-0000-4000-8000-000000000000' });
    const tap = {
      kind: 'reply' as const,
      channel: 'whatsapp' as const,
      buttonId: 'buy',
      text: 'Comprar',
      deliveryId: 'r-1',
    };
    await h.engagement(run.workflowId, { ...tap, runId: run.runId });
    await h.engagement(run.workflowId, { ...tap, runId: run.runId });
    return run;
  }),
  scenario('abandoned_cart', 'preview_no_response', 'no_response', async (h) => {
    // The template's own 24-hour waits, compressed: a day passes in two seconds.
    const template = getJourneyTemplate('abandoned_cart');
    if (!template) throw new Error('no template abandoned_cart');
    const definition = structuredClone(template.definition);
    delete definition.settings.quietHours;
    return enrollCart(h, definition, { preview: { timeScale: 43_200 } });
  }),
];

export const reactivationScenarios: HistoryScenario[] = [
  scenario('reactivation', 'read', 'read', async (h) => {
    const run = await enrollPlain(h, shortened('reactivation', LONG), {});
    await h.waitingAt(run.runId, 'wait_whatsapp');
    const message = await messageOf(h, run.runId, 'send_whatsapp');
    await h.engagement(run.workflowId, {
      kind: 'read',
      messageId: message.id,
      channel: 'whatsapp',
    });
    return run;
  }),
  scenario('reactivation', 'replied', 'replied', async (h) => {
    const run = await enrollPlain(h, shortened('reactivation', LONG), {});
    await h.waitingAt(run.runId, 'wait_whatsapp');
    await h.reply(run.workflowId, { text: 'Hola, ¿qué hay de nuevo?' });
    return run;
  }),
  scenario('reactivation', 'sms_clicked', 'clicked', async (h) => {
    const run = await enrollPlain(h, shortened('reactivation', LONG, { wait_whatsapp: SHORT }), {});
    await h.waitingAt(run.runId, 'wait_sms');
    const message = await messageOf(h, run.runId, 'send_sms');
    await h.engagement(run.workflowId, { kind: 'click', messageId: message.id, channel: 'sms' });
    return run;
  }),
  scenario('reactivation', 'no_response', 'no_response', async (h) => {
    return enrollPlain(h, shortened('reactivation', SHORT), {});
  }),
];

export const signalFallbackScenarios: HistoryScenario[] = [
  scenario('signal_fallback', 'email_opened', 'opened', async (h) => {
    const run = await enrollPlain(h, shortened('signal_fallback', LONG), {
      contact: { attributes: { preferred_channel: 'email' } },
      event: lead,
    });
    await h.waitingAt(run.runId, 'wait_email');
    const message = await messageOf(h, run.runId, 'send_email');
    await h.engagement(run.workflowId, { kind: 'open', messageId: message.id, channel: 'email' });
    return run;
  }),
  scenario('signal_fallback', 'variant_a_replied', 'handed_off', async (h) => {
    const run = await leadInVariant(h, shortened('signal_fallback', LONG), 'a');
    await h.reply(run.workflowId, { text: 'Sí, llámenme hoy' });
    return run;
  }),
  scenario('signal_fallback', 'variant_b_opted_out', 'opted_out', async (h) => {
    const run = await leadInVariant(h, shortened('signal_fallback', LONG), 'b');
    await h.reply(run.workflowId, { text: 'BAJA' });
    return run;
  }),
  scenario('signal_fallback', 'reminder_replied', 'handed_off', async (h) => {
    const definition = shortened('signal_fallback', LONG, { wait_reply: 4, wait_day: SHORT });
    const run = await enrollPlain(h, definition, { event: lead });
    const deadline = Date.now() + 30_000;
    for (;;) {
      const row = await h.run(run.runId);
      const messages = await h.messages(run.runId);
      if (
        row.waiting_for?.nodeId === 'wait_reply' &&
        messages.some((m) => m.node_id === 'send_reminder')
      )
        break;
      if (Date.now() > deadline) throw new Error('the run never waited after the reminder');
      await new Promise((r) => setTimeout(r, 100));
    }
    await h.reply(run.workflowId, { text: 'Perdón, sí me interesa' });
    return run;
  }),
  scenario('signal_fallback', 'loop_no_response', 'loop_limit', async (h) => {
    return enrollPlain(h, shortened('signal_fallback', SHORT), { event: lead });
  }),
];

/** The store cart: a checkout waits for its order first, then runs the abandoned cart. */
export const storeCheckoutScenarios: HistoryScenario[] = [
  scenario('store_checkout', 'ordered_first', 'converted', async (h) => {
    const run = await enrollCart(h, shortened('store_checkout', LONG), {
      eventName: 'checkout_started',
    });
    await h.waitingAt(run.runId, 'wait_checkout_order');
    await h.event(run.workflowId, run.contactId, 'order_placed', { cart_id: run.cartId });
    return run;
  }),
  scenario('store_checkout', 'abandoned_tapped_buy', 'clicked_buy', async (h) => {
    const run = await enrollCart(
      h,
      shortened('store_checkout', LONG, { wait_checkout_order: SHORT }),
      { eventName: 'checkout_started' },
    );
    await h.waitingAt(run.runId, 'wait_cart');
    await h.reply(run.workflowId, { buttonId: 'buy', text: 'Comprar' });
    return run;
  }),
];

export const historyScenarios: HistoryScenario[] = [
  ...abandonedCartScenarios,
  ...storeCheckoutScenarios,
  ...reactivationScenarios,
  ...signalFallbackScenarios,
];

export const historyName = (s: HistoryScenario) => `${s.template}-${s.branch}`;

/** Runs one scenario to its end and fetches its history from Temporal. */
export async function recordScenario(
  h: JourneyHarness,
  scenario: HistoryScenario,
): Promise<RecordedHistory> {
  const run = await scenario.run(h);
  const { outcome } = await h.result(run.workflowId);
  if (outcome !== scenario.outcome) {
    throw new Error(
      `${historyName(scenario)} ended as ${outcome}, expected ${scenario.outcome}: ${JSON.stringify(await h.steps(run.runId))}`,
    );
  }
  await h.ended(run.runId);
  const history = await h.client.workflow.getHandle(run.workflowId).fetchHistory();
  return { name: historyName(scenario), scenario, outcome, history, events: eventCount(history) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = recordHistoriesUnderVitest(
    process.argv[2] === 'overwrite' ? 'overwrite' : '1',
  );
}
