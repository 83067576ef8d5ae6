import { availableParallelism } from 'node:os';
import { freePort } from '@ruta/platform';
import { type Infra, rutaEnv, startApi, startInfra, startWorker, uniqueQueue } from './infra';
import { barePass } from './measure/bare-pass';
import { ensureEditorBuilt, renderTiming, validateTiming } from './measure/editor';
import { handwrittenPass } from './measure/handwritten-pass';
import { historyCost } from './measure/history';
import { ingest, machineDatabase } from './measure/ingest';
import type { PassResult } from './measure/pass';
import { rutaPass } from './measure/ruta-pass';
import { handwrittenSweep, rutaSweep } from './measure/sweep';
import { parseOptions } from './options';
import { childGroup, type NodeChild } from './processes';
import { type Row, renderTable, writeResults } from './report';
import { apiClient, roundRobin } from './ruta/api';
import { summarize } from './summary';

/** `pnpm bench`: Ruta and the bare engine, side by side, on one dev server and one database. */
async function main() {
  const options = parseOptions(process.argv.slice(2));
  const startedAt = new Date();
  const step = (message: string) =>
    console.log(`[bench ${((Date.now() - startedAt.getTime()) / 1000).toFixed(0)}s] ${message}`);
  step(
    `profile ${options.profile}, ${options.waiting} waiting runs, ${options.concurrency} callers, dev server on ${options.temporalDb}${options.smoke ? ' (smoke)' : ''}`,
  );
  const details: Record<string, unknown> = {};
  const children: NodeChild[] = [];
  let infra: Infra | undefined;
  const needs = (...ids: number[]) => ids.some((id) => options.only.has(id));
  try {
    infra = await startInfra(options);
    step(
      `Temporal ${infra.temporalAddress}, PostgreSQL ${infra.databaseUrl.replace(/:[^:@/]*@/, ':***@')}`,
    );

    // Bare engine first, then Ruta: one side at a time, so neither steals the 2 cores from the other.
    const bareQueue = uniqueQueue('bare');
    const bareEnv = {
      // The hand-written cart's provider activity records its messages (handwritten/).
      DATABASE_URL: infra.databaseUrl,
      TEMPORAL_ADDRESS: infra.temporalAddress,
      BENCH_TASK_QUEUE: bareQueue,
      BENCH_PROFILE: options.profile,
    };
    let bareWorker = await startWorker('bare', bareEnv);
    children.push(bareWorker);
    let bare: PassResult | undefined;
    if (needs(1, 2, 4)) {
      step('bare: enrolling, waiting, replies');
      bare = await barePass(infra, bareWorker, bareQueue, options);
      details.bare = bare;
      step(`bare CPU seconds ${cpuLine(bare)}`);
    }
    if (needs(1)) {
      step('hand-written: POST /events to the hand-written handler, its cart sends and waits');
      // A fresh worker, as Ruta's: the bare pass's runs must not sit in its cache meanwhile.
      await bareWorker.stop();
      bareWorker = await startWorker('bare', bareEnv);
      children.push(bareWorker);
      const handwritten = await handwrittenPass(infra, bareWorker, bareQueue, options);
      details.handwritten = handwritten;
      step(
        `hand-written CPU seconds — accepting: ${phase(handwritten.cpu.accept)}; until waiting: ${phase(handwritten.cpu.settle)}`,
      );
    }
    if (needs(7)) {
      step(
        `hand-written sweep: ${options.sweep} contacts in the segment, each run sends and waits`,
      );
      await bareWorker.stop();
      bareWorker = await startWorker('bare', bareEnv);
      children.push(bareWorker);
      const swept = await handwrittenSweep(infra, bareWorker, bareQueue, options.sweep);
      details.sweepHandwritten = swept;
      step(`hand-written sweep CPU seconds — ${phase(swept.cpu)}`);
    }
    if (needs(1, 2, 4, 7)) {
      // Its worker must not keep a core busy (and its cache in memory) during Ruta's pass.
      await bareWorker.stop();
    }

    const apiPort = await freePort();
    const rutaQueue = uniqueQueue('ruta');
    const env = rutaEnv(infra, infra.databaseUrl, apiPort, rutaQueue, options);
    const api = await startApi(env);
    children.push(api);
    const client = apiClient(api.baseUrl);
    let rutaWorker = await startWorker('ruta', env);
    children.push(rutaWorker);
    let ruta: PassResult | undefined;
    if (needs(1, 2, 4)) {
      step('Ruta: enrolling through POST /api/events, waiting, replies through the API');
      ruta = await rutaPass(infra, client, rutaWorker, options, 'main');
      details.ruta = ruta;
      step(`Ruta CPU seconds ${cpuLine(ruta)}`);
    }
    if (needs(1) && options.scaleOut >= 2) {
      const n = options.scaleOut;
      step(`Ruta scaled out: ${n} API processes (round robin) and ${n} workers on one Temporal`);
      const apis = [api];
      const workers = [rutaWorker];
      for (let i = 1; i < n; i++) {
        const more = await startApi({ ...env, RUTA_PORT: String(await freePort()) });
        children.push(more);
        apis.push(more);
        const worker = await startWorker('ruta', env);
        children.push(worker);
        workers.push(worker);
      }
      const balanced = roundRobin(apis.map((a) => apiClient(a.baseUrl)));
      details.scaledOut = {
        processes: n,
        cores: availableParallelism(),
        ...(await rutaPass(infra, balanced, childGroup(workers), options, `scaleout${n}`)),
      };
      step(`scaled out CPU seconds ${cpuLine(details.scaledOut as PassResult)}`);
      for (const extra of [...apis.slice(1), ...workers.slice(1)]) await extra.stop();
    }
    if (needs(7)) {
      step(`Ruta sweep: ${options.sweep} contacts, a segment journey activated through the API`);
      const swept = await rutaSweep(infra, client, options.sweep);
      details.sweepRuta = swept;
      step(`Ruta sweep CPU seconds — ${phase(swept.cpu)}`);
    }
    if (needs(3)) {
      step('history cost per branch');
      if (needs(1, 2, 4)) {
        bareWorker = await startWorker('bare', bareEnv);
        children.push(bareWorker);
      }
      details.history = await historyCost(infra, client, {
        worker: bareWorker,
        taskQueue: bareQueue,
      });
    }
    await bareWorker.stop();

    const cachePasses: PassResult[] = [];
    if (needs(4) && options.cacheSizes.length > 0) {
      for (const size of options.cacheSizes) {
        step(`Ruta worker with maxCachedWorkflows=${size}`);
        await rutaWorker.stop();
        rutaWorker = await startWorker('ruta', {
          ...env,
          RUTA_WORKER_MAX_CACHED_WORKFLOWS: String(size),
        });
        children.push(rutaWorker);
        const pass = await rutaPass(infra, client, rutaWorker, options, `cache${size}`);
        cachePasses.push({ ...pass, cacheSize: size });
        step(`cache ${size} CPU seconds ${cpuLine(pass)}`);
      }
      details.cacheTradeOff = cachePasses;
    }
    await rutaWorker.stop();

    if (needs(5)) {
      step('ingest: embedded PostgreSQL');
      const embedded = await ingest(
        'embedded',
        api.baseUrl,
        infra.sql,
        options.ingestSeconds,
        options.ingestConnections,
      );
      const results = [embedded];
      if (options.machinePg) {
        step('ingest: the machine PostgreSQL');
        const db = await machineDatabase(options.machinePg);
        try {
          const port = await freePort();
          const machineApi = await startApi(rutaEnv(infra, db.url, port, rutaQueue, options));
          try {
            results.push(
              await ingest(
                'machine',
                machineApi.baseUrl,
                db.sql,
                options.ingestSeconds,
                options.ingestConnections,
              ),
            );
          } finally {
            await machineApi.stop();
          }
        } finally {
          await db.drop();
        }
      }
      details.ingest = results;
    }

    if (needs(6)) {
      step('editor: validateJourney and Chromium render');
      const validation = validateTiming(options.smoke ? 50 : 500);
      let render: Awaited<ReturnType<typeof renderTiming>>;
      let renderSkipped: string | undefined;
      try {
        await ensureEditorBuilt(options.rebuildEditor);
        render = await renderTiming(client, options.smoke ? 1 : 5);
      } catch (error) {
        renderSkipped = error instanceof Error ? error.message.split('\n')[0] : String(error);
      }
      details.editor = { ...validation, render, renderSkipped };
    }

    const rows: Row[] = summarize(details);
    console.log(`\n${renderTable(rows)}\n`);
    const file = await writeResults(options.out, {
      options: { ...options, only: [...options.only] },
      rows,
      details,
      startedAt,
    });
    step(`results written to ${file}`);
  } finally {
    for (const child of children.reverse()) await child.stop().catch(() => {});
    await infra?.stop();
  }
}

const phase = (used: Record<string, number> | undefined) =>
  Object.entries(used ?? {})
    .map(([name, s]) => `${name} ${s}`)
    .join(', ');

/** Who used the CPU in each phase of a pass (the bottleneck is the one near the wall time). */
function cpuLine(pass: PassResult) {
  return `— accepting: ${phase(pass.cpu?.accept)} (wall ${(pass.enrollMs / 1000).toFixed(1)} s); until waiting: ${phase(pass.cpu?.settle)}; replies: ${phase(pass.cpu?.replies)}`;
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
