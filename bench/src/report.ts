import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export interface Row {
  id: string;
  metric: string;
  unit: string;
  bare?: number | undefined;
  ruta?: number | undefined;
  ratio?: number | undefined;
  target: string;
  met?: boolean | undefined;
  note?: string | undefined;
}

const fmt = (v: number | undefined, digits = 1) =>
  v === undefined || Number.isNaN(v) ? '—' : v >= 100 ? String(Math.round(v)) : v.toFixed(digits);

/** The side-by-side table: bare, Ruta, their ratio, the target and whether it holds. */
export function renderTable(rows: Row[]): string {
  const header = ['#', 'measurement', 'bare', 'Ruta', 'ratio', 'target', 'met', 'note'];
  const body = rows.map((r) => [
    r.id,
    `${r.metric} (${r.unit})`,
    fmt(r.bare),
    fmt(r.ruta),
    r.ratio === undefined ? '—' : r.ratio.toFixed(2),
    r.target,
    r.met === undefined ? '' : r.met ? 'yes' : 'NO',
    r.note ?? '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] ?? '').length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [
    line(header),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...body.map(line),
  ].join('\n');
}

export function machine() {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

/** Writes `<out>/<stamp>.json` and `<out>/latest.md`; returns the markdown path. */
export async function writeResults(
  out: string,
  data: { options: unknown; rows: Row[]; details: unknown; startedAt: Date },
): Promise<string> {
  await mkdir(out, { recursive: true });
  const stamp = data.startedAt.toISOString().replace(/[:.]/g, '-');
  const json = { ...data, machine: machine(), finishedAt: new Date() };
  await writeFile(path.join(out, `${stamp}.json`), `${JSON.stringify(json, null, 2)}\n`);
  const md = [
    `# Bench run ${data.startedAt.toISOString()}`,
    '',
    `Machine: ${JSON.stringify(machine())}`,
    `Options: \`${JSON.stringify(data.options)}\``,
    '',
    renderTable(data.rows),
    '',
    '```json',
    JSON.stringify(data.details, null, 2),
    '```',
    '',
  ].join('\n');
  const file = path.join(out, 'latest.md');
  await writeFile(file, md);
  return file;
}
