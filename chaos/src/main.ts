import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { apiClient } from './client';
import { Faults } from './faults';
import { parseOptions } from './options';
import { printReport, type Report } from './report';
import { RutaProcess } from './ruta-process';
import { abandonCarts, activeCartJourney, customers, planCarts } from './traffic';
import { allEnded, verify } from './verify';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * `npm run test:chaos [-- --size full]`: Ruta from the repo with three workers, carts and taps
 * through the public API and the sandbox, faults on a schedule, then the checks (chaos/CONTEXT.md).
 * Exits 1 when anything was lost or doubled.
 */
async function main() {
  const options = parseOptions(process.argv.slice(2));
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'ruta-chaos-'));
  const log = (message: string) =>
    process.stdout.write(`[chaos ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
  log(`starting Ruta (3 workers) in ${dataDir}; ${options.carts} carts at ${options.rate}/s`);
  let ruta = await RutaProcess.create(dataDir, 3);
  let startMs: number;
  try {
    startMs = await ruta.start();
  } catch (error) {
    // A machine still busy with what ran before (CI runs this after the browser stories) can be
    // slow to bring the first Temporal up: one more try, on fresh ports, and say so.
    log(`Ruta did not start (${error instanceof Error ? error.message : error}); trying once more`);
    await ruta.stop();
    ruta = await RutaProcess.create(dataDir, 3);
    startMs = await ruta.start();
  }
  log(`Ruta healthy after ${Math.round(startMs / 1000)} s`);
  const client = apiClient(() => ruta.baseUrl, ruta.apiKey);
  let exitCode = 1;
  try {
    const journeyId = await activeCartJourney(client);
    const carts = planCarts(options.carts, `c${Date.now().toString(36)}`);
    const trafficStarted = Date.now();
    const faults = new Faults(ruta, trafficStarted);
    const postingSeconds = options.carts / options.rate;
    let posted = false;
    let customersDone = false;

    const posting = abandonCarts(client, journeyId, carts, options.rate).then(() => {
      posted = true;
      log('every cart posted');
    });
    const buyers = customers(
      client,
      journeyId,
      carts,
      () => Date.now() - trafficStarted > (postingSeconds + 900) * 1_000,
    ).then(() => {
      customersDone = true;
    });
    const workerKills = faults.killWorkers(options.workerKillEverySeconds, () => posted);
    // Temporal and PostgreSQL faults one after another, spread over the posting.
    const schedule = (async () => {
      const at = async (fraction: number) => {
        const wait = trafficStarted + fraction * postingSeconds * 1_000 - Date.now();
        if (wait > 0) await sleep(wait);
      };
      await at(0.15);
      log('SIGKILL: Temporal dev server');
      await faults.sigkill('temporal');
      await at(0.3);
      log(`Temporal down for ${options.temporalOutageSeconds} s`);
      await faults.outage('temporal', options.temporalOutageSeconds);
      await at(0.55);
      log('SIGKILL: PostgreSQL');
      await faults.sigkill('postgres');
      await at(0.7);
      log(`PostgreSQL down for ${options.postgresOutageSeconds} s`);
      await faults.outage('postgres', options.postgresOutageSeconds);
      await posting;
      await workerKills;
      log('restarting the whole of Ruta with runs waiting');
      await faults.restartRuta();
    })();
    await Promise.all([posting, workerKills, schedule]);
    await buyers;
    log(
      `customers done (${customersDone ? 'all acted' : 'stopped'}); waiting for every run to end`,
    );
    const deadline = Date.now() + 600_000;
    while (!(await allEnded(ruta.databaseUrl, journeyId, carts.length))) {
      if (Date.now() > deadline) break;
      await sleep(1_000);
    }
    // The outbox empties within its retry cadence once everything is up.
    for (let i = 0; i < 30; i++) {
      const verdict = await verify(ruta.databaseUrl, journeyId, carts);
      if (verdict.outboxLeft === 0) break;
      await sleep(1_000);
    }
    const verdict = await verify(ruta.databaseUrl, journeyId, carts);
    const report: Report = {
      size: options.size,
      carts: carts.length,
      rate: options.rate,
      workers: 3,
      seconds: Math.round((Date.now() - trafficStarted) / 1000),
      faults: faults.records,
      client: client.stats,
      verdict,
    };
    printReport(report, log);
    if (options.out) await writeFile(options.out, `${JSON.stringify(report, null, 2)}\n`);
    const lost = Object.values(verdict.lost).reduce((a, b) => a + b, 0);
    const doubled = Object.values(verdict.duplicated).reduce((a, b) => a + b, 0);
    exitCode =
      lost === 0 && doubled === 0 && verdict.timelineGaps === 0 && client.stats.abandoned === 0
        ? 0
        : 1;
  } catch (error) {
    log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  } finally {
    await ruta.stop();
    if (exitCode === 0 && !options.keep) await rm(dataDir, { recursive: true, force: true });
    else log(`kept ${dataDir} (ruta.log) for a look`);
  }
  process.exit(exitCode);
}

void main();
