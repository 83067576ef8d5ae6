import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CsvError, type InfoRecord, parse } from 'csv-parse';

export interface CsvRecord {
  /** The line the record starts on, as a spreadsheet numbers it (the header is line 1). */
  line: number;
  fields: string[];
}

/** The file itself is broken (unclosed quotes, …): parsing cannot go on past `line`. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

const CANDIDATES = [',', ';', '\t'] as const;

/**
 * The delimiter of the header line: the most frequent of `,` `;` and tab outside quotes
 * (spreadsheets in Spanish save CSV with `;`). Comma when there is none.
 */
export function sniffDelimiter(head: Buffer): string {
  const text = head.toString('utf8');
  const counts = new Map<string, number>();
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && (CANDIDATES as readonly string[]).includes(char))
      counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best = ',';
  for (const candidate of CANDIDATES)
    if ((counts.get(candidate) ?? 0) > (counts.get(best) ?? 0)) best = candidate;
  return best;
}

async function readHead(iterator: AsyncIterator<Buffer>) {
  const chunks: Buffer[] = [];
  let size = 0;
  let ended = false;
  while (size < 64 * 1024) {
    const next = await iterator.next();
    if (next.done) {
      ended = true;
      break;
    }
    const chunk = Buffer.from(next.value);
    chunks.push(chunk);
    size += chunk.length;
    if (chunk.includes(0x0a)) break;
  }
  return { head: Buffer.concat(chunks), ended };
}

const newlines = (fields: string[]) =>
  fields.reduce((n, field) => n + (field.match(/\r\n|\r|\n/g)?.length ?? 0), 0);

/**
 * The records of a CSV stream, parsed as the bytes arrive (memory stays flat whatever the size):
 * UTF-8 with or without BOM, `,` `;` or tab, quoted fields over several lines, blank lines skipped.
 * Rows may have fewer fields than the header; the caller checks that.
 */
export async function* csvRecords(source: Readable): AsyncGenerator<CsvRecord> {
  const iterator = source[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const { head, ended } = await readHead(iterator);
  const parser = parse({
    delimiter: sniffDelimiter(head),
    bom: true,
    info: true,
    relax_column_count: true,
    skip_empty_lines: true,
  });
  async function* bytes() {
    if (head.length > 0) yield head;
    if (ended) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  const feeding = pipeline(Readable.from(bytes()), parser);
  feeding.catch(() => {}); // the same error surfaces from the parser below
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: InfoRecord;
    }>) {
      yield { line: info.lines - newlines(record), fields: record };
    }
    await feeding;
  } catch (error) {
    if (error instanceof CsvError) {
      const line = Number((error as unknown as { lines?: number }).lines ?? 0);
      throw new CsvSyntaxError(line, error.message);
    }
    throw error;
  } finally {
    source.destroy();
  }
}
