import type { EditorResult } from './measure/editor';
import type { HistoryRow } from './measure/history';
import type { IngestResult } from './measure/ingest';
import type { PassResult } from './measure/pass';
import type { Row } from './report';

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Turns the raw results into the side-by-side rows (ratios are Ruta ÷ bare). */
export function summarize(details: {
  bare?: PassResult;
  ruta?: PassResult;
  history?: HistoryRow[];
  cacheTradeOff?: PassResult[];
  ingest?: IngestResult[];
  editor?: EditorResult;
}): Row[] {
  const rows: Row[] = [];
  const { bare, ruta } = details;
  if (bare && ruta) {
    const through = ruta.perSecond / bare.perSecond;
    rows.push({
      id: '1',
      metric: 'enrollments accepted',
      unit: '/s',
      bare: bare.perSecond,
      ruta: ruta.perSecond,
      ratio: through,
      target: 'ratio ≥ 0.9',
      met: through >= 0.9,
    });
    const settleBare = (bare.enrolled * 1000) / bare.allWaitingMs;
    const settleRuta = (ruta.enrolled * 1000) / ruta.allWaitingMs;
    rows.push({
      id: '1',
      metric: 'enrolled and waiting',
      unit: '/s',
      bare: settleBare,
      ruta: settleRuta,
      ratio: settleRuta / settleBare,
      target: '(info)',
      note: 'until every run waits (Ruta: first message sent)',
    });
    for (const q of ['p50', 'p99'] as const) {
      const ratio = ruta.latency[q] / bare.latency[q];
      rows.push({
        id: '2',
        metric: `reply → next activity ${q}`,
        unit: 'ms',
        bare: bare.latency[q],
        ruta: ruta.latency[q],
        ratio,
        target: q === 'p99' ? '< 1000 ms, ≤ 1.5×' : '(info)',
        met: q === 'p99' ? ruta.latency.p99 < 1000 && ratio <= 1.5 : undefined,
        note: `n=${ruta.latency.n}/${bare.latency.n}${ruta.replyErrors + bare.replyErrors ? `, ${ruta.replyErrors + bare.replyErrors} lost` : ''}`,
      });
    }
    rows.push({
      id: '2',
      metric: 'reply → activity scheduled p50',
      unit: 'ms',
      bare: bare.toScheduled.p50,
      ruta: ruta.toScheduled.p50,
      ratio: ruta.toScheduled.p50 / bare.toScheduled.p50,
      target: '(info)',
      note: 'API/signal + workflow task',
    });
    rows.push({
      id: '2',
      metric: 'scheduled → activity start p50',
      unit: 'ms',
      bare: bare.scheduledToStart.p50,
      ruta: ruta.scheduledToStart.p50,
      ratio: ruta.scheduledToStart.p50 / bare.scheduledToStart.p50,
      target: '(info)',
      note: 'matching + activity poll',
    });
    rows.push({
      id: '4',
      metric: `worker RSS, ${ruta.enrolled} waiting`,
      unit: 'MB',
      bare: bare.rssAfterEnrollMb,
      ruta: ruta.rssAfterEnrollMb,
      ratio: ruta.rssAfterEnrollMb / bare.rssAfterEnrollMb,
      target: 'Ruta ≤ 300 MB',
      met: ruta.rssAfterEnrollMb <= 300,
      note: `peak ${Math.round(ruta.rssPeakMb)} / ${Math.round(bare.rssPeakMb)} MB`,
    });
  }
  for (const pass of details.cacheTradeOff ?? []) {
    rows.push({
      id: '4',
      metric: `cache ${pass.cacheSize}: RSS / reply p99`,
      unit: 'MB / ms',
      ruta: pass.rssAfterEnrollMb,
      bare: undefined,
      target: '≤ 300 MB, p99 < 1 s',
      met: pass.rssAfterEnrollMb <= 300 && pass.latency.p99 < 1000,
      note: `p50 ${Math.round(pass.latency.p50)} ms, p99 ${Math.round(pass.latency.p99)} ms, peak ${Math.round(pass.rssPeakMb)} MB`,
    });
  }
  for (const h of details.history ?? []) {
    rows.push({
      id: '3',
      metric: `history events: ${h.branch}`,
      unit: 'events',
      bare: h.bare,
      ruta: h.ruta,
      ratio: h.ratio,
      target: 'ratio ≤ 1.2',
      met: h.ratio <= 1.2,
    });
  }
  for (const ingest of details.ingest ?? []) {
    rows.push({
      id: '5',
      metric: `ingest, ${ingest.target} PostgreSQL`,
      unit: 'events/s',
      ruta: ingest.persistedPerSecond,
      target: '≥ 2000/s',
      met: ingest.persistedPerSecond >= 2000,
      note: `accepted ${Math.round(ingest.acceptedPerSecond)}/s, p50 ${ingest.p50Ms} ms, p99 ${ingest.p99Ms} ms${ingest.non2xx ? `, ${ingest.non2xx} non-2xx` : ''}${ingest.errors ? `, ${ingest.errors} errors` : ''}`,
    });
  }
  const editor = details.editor;
  if (editor) {
    rows.push({
      id: '6',
      metric: `validateJourney, ${editor.nodes} steps, median`,
      unit: 'ms',
      ruta: editor.validate.p50,
      target: '< 5 ms (median)',
      met: editor.validate.p50 < 5,
      // The tail is garbage collection in a tight loop of validations; reported, not hidden.
      note: `p90 ${editor.validate.p90.toFixed(2)} ms, p99 ${editor.validate.p99.toFixed(2)} ms, ${editor.problems} problems`,
    });
    if (editor.render) {
      const { login, journey } = editor.render.coldBytes;
      rows.push({
        id: '6',
        metric: 'Chromium: cold load, bytes transferred (login page, then a journey)',
        unit: 'KB',
        ruta: Math.round(login / 1024),
        target: '≤ 800 KB',
        met: login <= 800 * 1024,
        note: `then opening a journey: ${Math.round(journey / 1024)} KB more`,
      });
      rows.push({
        id: '6',
        metric: 'Chromium: open the journey (all steps drawn)',
        unit: 'ms',
        ruta: median(editor.render.openMs),
        target: '(info)',
        note: `runs ${editor.render.openMs.join(', ')}`,
      });
      rows.push({
        id: '6',
        metric: 'Chromium: Tidy up (ELK layout applied)',
        unit: 'ms',
        ruta: median(editor.render.layoutMs),
        target: '(info)',
        note: `runs ${editor.render.layoutMs.join(', ')}`,
      });
    } else {
      rows.push({
        id: '6',
        metric: 'Chromium render',
        unit: 'ms',
        target: '(info)',
        note: `skipped: ${editor.renderSkipped}`,
      });
    }
  }
  return rows;
}
