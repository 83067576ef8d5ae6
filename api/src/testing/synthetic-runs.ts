import type { Sql } from '@ruta/platform';

/**
 * Synthetic runs of the abandoned-cart journey, written in bulk with `insert … select
 * generate_series` (one statement per table): run i's group, path, times and late goal events
 * follow from i alone, so `expectedCounts` can say what analytics must answer without the DB.
 */

export type SyntheticPath = 'active' | 'no_response' | 'clicked' | 'goal' | 'failed';

const PATHS: SyntheticPath[] = ['no_response', 'clicked', 'goal', 'failed'];
const BASE = Date.parse('2025-01-01T00:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** One run in ten is in the holdout. */
export const isHoldout = (i: number) => i % 10 === 5;

export function pathOf(i: number): SyntheticPath {
  if (i % 100 === 1) return 'active';
  // Holdout runs get no message, so nothing to tap or answer: they time out (and may buy later).
  if (isHoldout(i)) return 'no_response';
  return PATHS[i % 4] as SyntheticPath;
}

export const startedAt = (i: number) => BASE + (i % 30) * DAY + ((i * 7919) % 86_400) * 1000;
const convertedInRun = (i: number) => startedAt(i) + ((i % 47) + 1) * HOUR;
/** A goal event two days after entry, for this run's cart: converts it after the run. */
const lateGoal = (i: number) => i % 13 === 0;

/** [node, kind, port] per step of each path (seq = position + 1). */
const STEPS: Record<SyntheticPath, [string, string, string | null][]> = {
  active: [
    ['trigger', 'entered', null],
    ['send_cart', 'visited', null],
    ['send_cart', 'took', 'sent'],
    ['wait_cart', 'visited', null],
  ],
  no_response: [
    ['trigger', 'entered', null],
    ['send_cart', 'visited', null],
    ['send_cart', 'took', 'sent'],
    ['wait_cart', 'visited', null],
    ['wait_cart', 'took', 'timeout'],
    ['send_reminder', 'visited', null],
    ['send_reminder', 'took', 'sent'],
    ['wait_order', 'visited', null],
    ['wait_order', 'took', 'timeout'],
    ['exit_no_response', 'visited', null],
    ['exit_no_response', 'ended', null],
  ],
  clicked: [
    ['trigger', 'entered', null],
    ['send_cart', 'visited', null],
    ['send_cart', 'took', 'sent'],
    ['wait_cart', 'visited', null],
    ['wait_cart', 'took', 'tapped_buy'],
    ['send_buy_link', 'visited', null],
    ['send_buy_link', 'took', 'sent'],
    ['exit_clicked_buy', 'visited', null],
    ['exit_clicked_buy', 'ended', null],
  ],
  goal: [
    ['trigger', 'entered', null],
    ['send_cart', 'visited', null],
    ['send_cart', 'took', 'sent'],
    ['wait_cart', 'visited', null],
    ['wait_cart', 'goal', null],
    ['wait_cart', 'ended', null],
  ],
  failed: [
    ['trigger', 'entered', null],
    ['send_cart', 'visited', null],
    ['send_cart', 'took', 'failed'],
    ['exit_not_delivered', 'visited', null],
    ['exit_not_delivered', 'ended', null],
  ],
};

/** [node, channel, status, cost] of each path's messages (treatment; holdout rows are held_out, free). */
const MESSAGES: Record<SyntheticPath, [string, string, string, number][]> = {
  active: [['send_cart', 'whatsapp', 'sent', 0.0436]],
  no_response: [
    ['send_cart', 'whatsapp', 'read', 0.0436],
    ['send_reminder', 'sms', 'delivered', 0.0497],
  ],
  clicked: [
    ['send_cart', 'whatsapp', 'read', 0.0436],
    ['send_buy_link', 'whatsapp', 'sent', 0],
  ],
  goal: [['send_cart', 'whatsapp', 'delivered', 0.0436]],
  failed: [['send_cart', 'whatsapp', 'failed', 0.0436]],
};

const pathSql = `case when i % 100 = 1 then 'active'
  when i % 10 = 5 then 'no_response'
  else (array['no_response', 'clicked', 'goal', 'failed'])[i % 4 + 1] end`;

const valuesOf = (rows: unknown[][]) =>
  rows
    .map(
      (row) =>
        `(${row.map((v) => (v === null ? 'null' : typeof v === 'number' ? v : `'${v}'`)).join(', ')})`,
    )
    .join(', ');

export interface SyntheticTarget {
  workspaceId: string;
  journeyId: string;
  versionId: string;
}

/** Writes `count` runs (+ `previews` preview runs that analytics must ignore), their steps, messages and events. */
export async function insertSyntheticRuns(
  sql: Sql,
  target: SyntheticTarget,
  count: number,
  previews = 0,
) {
  const { workspaceId, journeyId, versionId } = target;
  const total = count + previews;
  const stepRows = Object.entries(STEPS).flatMap(([path, steps]) =>
    steps.map(([node, kind, port], n) => [path, n + 1, node, kind, port]),
  );
  const messageRows = Object.entries(MESSAGES).flatMap(([path, rows]) =>
    rows.map((row, n) => [path, n + 1, ...row]),
  );
  await sql.unsafe(`
    create temporary table synthetic as
    select i, md5('run-' || i)::uuid as run_id, md5('contact-' || i)::uuid as contact_id,
           ${pathSql} as path, i % 10 = 5 as holdout, i > ${count} as preview,
           timestamptz '2025-01-01T00:00:00Z' + (i % 30) * interval '1 day' + ((i * 7919) % 86400) * interval '1 second' as started_at
    from generate_series(1, ${total}) as i`);
  await sql.unsafe(`
    insert into contacts (id, workspace_id, external_id, phone)
    select contact_id, '${workspaceId}', 'synthetic-' || i, '+52155' || lpad(i::text, 8, '0') from synthetic`);
  await sql.unsafe(`
    insert into runs (id, workspace_id, journey_id, version_id, contact_id, workflow_id, entry_key,
                      pilot_group, preview, status, outcome, current_node, started_at, ended_at, converted_at)
    select run_id, '${workspaceId}', '${journeyId}', '${versionId}', contact_id, 'synthetic/' || i, 'cart-' || i,
           case when holdout then 'holdout' else 'treatment' end, preview,
           case when path = 'active' then 'active' else 'completed' end,
           case path when 'active' then null when 'goal' then 'converted' when 'clicked' then 'clicked_buy'
                     when 'failed' then 'not_delivered' else 'no_response' end,
           case path when 'active' then 'wait_cart' when 'goal' then 'wait_cart' when 'clicked' then 'exit_clicked_buy'
                     when 'failed' then 'exit_not_delivered' else 'exit_no_response' end,
           started_at,
           case when path <> 'active' then started_at + interval '2 days' end,
           case when path = 'goal' then started_at + ((i % 47) + 1) * interval '1 hour' end
    from synthetic`);
  await sql.unsafe(`
    insert into run_steps (run_id, seq, at, node_id, kind, port)
    select s.run_id, t.seq, s.started_at + t.seq * interval '1 minute', t.node_id, t.kind, t.port
    from synthetic s join (values ${valuesOf(stepRows)}) as t(path, seq, node_id, kind, port) on t.path = s.path`);
  await sql.unsafe(`
    insert into messages (workspace_id, run_id, journey_id, node_id, contact_id, channel, idempotency_key, provider,
                          format, content, status, cost, preview, created_at, sent_at, delivered_at, read_at,
                          replied_at, failed_at)
    select '${workspaceId}', s.run_id, '${journeyId}', m.node_id, s.contact_id, m.channel,
           'synthetic/' || s.i || ':' || m.node_id, 'sandbox', m.channel, '{}'::jsonb,
           case when s.holdout then 'held_out' else m.status end,
           case when s.holdout then 0 else m.cost end, s.preview, s.started_at,
           case when not s.holdout and m.status <> 'failed' then s.started_at end,
           case when not s.holdout and m.status in ('delivered', 'read') then s.started_at end,
           case when not s.holdout and m.status = 'read' then s.started_at end,
           case when not s.holdout and s.path = 'clicked' and m.n = 1 then s.started_at end,
           case when not s.holdout and m.status = 'failed' then s.started_at end
    from synthetic s join (values ${valuesOf(messageRows)}) as m(path, n, node_id, channel, status, cost) on m.path = s.path`);
  // Goal events: after the run within the window (counts), outside it, for another cart, before entry.
  await sql.unsafe(`
    insert into events (workspace_id, client_event_id, name, contact_id, properties, occurred_at)
    select '${workspaceId}', 'synthetic/' || s.i || '/' || e.kind, 'order_placed', s.contact_id,
           jsonb_build_object('cart_id', case when e.kind = 'other_cart' then 'cart-x' else 'cart-' || s.i end),
           s.started_at + e.after
    from synthetic s join (values ('late', 13, interval '2 days'), ('too_late', 17, interval '4 days'),
                                  ('other_cart', 19, interval '1 day'), ('before', 23, interval '-1 hour'))
                      as e(kind, every, after) on s.i % e.every = 0`);
  await sql.unsafe('drop table synthetic');
  await sql.unsafe('analyze contacts, runs, run_steps, messages, events');
}

/** What analytics must answer for the first `count` synthetic runs that `include` keeps. */
export function expectedCounts(count: number, include: (i: number) => boolean = () => true) {
  const groups = {
    treatment: { entered: 0, converted: 0, afterRun: 0 },
    holdout: { entered: 0, converted: 0, afterRun: 0 },
  };
  const steps: Record<string, { entered: number; exited: number; ports: Record<string, number> }> =
    {};
  const messages: Record<string, { sent: number; held_out: number; failed: number; cost: number }> =
    {};
  const convertSeconds: number[] = [];
  for (let i = 1; i <= count; i++) {
    if (!include(i)) continue;
    const path = pathOf(i);
    const holdout = isHoldout(i);
    const group = groups[holdout ? 'holdout' : 'treatment'];
    group.entered += 1;
    // The journey's time to convert is its treatment group's (numbers.ts).
    if (path === 'goal') {
      group.converted += 1;
      if (!holdout) convertSeconds.push((convertedInRun(i) - startedAt(i)) / 1000);
    } else if (path !== 'active' && lateGoal(i)) {
      group.converted += 1;
      group.afterRun += 1;
      if (!holdout) convertSeconds.push((2 * DAY) / 1000);
    }
    // The canvas counts the treatment group; the holdout walks the steps without being sent.
    for (const [node, kind, port] of holdout ? [] : STEPS[path]) {
      steps[node] ??= { entered: 0, exited: 0, ports: {} };
      const s = steps[node];
      if (kind === 'entered' || kind === 'visited') s.entered += 1;
      if (kind === 'ended') s.exited += 1;
      if (kind === 'took' && port) s.ports[port] = (s.ports[port] ?? 0) + 1;
    }
    for (const [node, , status, cost] of MESSAGES[path]) {
      messages[node] ??= { sent: 0, held_out: 0, failed: 0, cost: 0 };
      const m = messages[node];
      if (isHoldout(i)) m.held_out += 1;
      else if (status === 'failed') m.failed += 1;
      else {
        m.sent += 1;
        m.cost += cost;
      }
    }
  }
  return { groups, steps, messages, medianSeconds: median(convertSeconds) };
}

/** percentile_cont(0.5): the middle value, or the mean of the two middle values. */
function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
