import { Readable, Transform } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import busboy from 'busboy';
import { fieldProblem, ProblemError, problemBody } from '../http/problem';

/** The import's own body limit (the rest of the API stays at 2 MB). */
export const IMPORT_MAX_BYTES = 50 * 1024 * 1024;

const RAW_TYPES = [
  'text/csv',
  'text/plain',
  'application/csv',
  'application/vnd.ms-excel', // what Windows browsers call a .csv
  'application/octet-stream',
];

export class UploadError extends ProblemError {}

export const tooLarge = () =>
  new UploadError(problemBody('file_too_large', { megabytes: IMPORT_MAX_BYTES / 1024 / 1024 }));

/** Counts bytes as they pass and fails the stream past the limit (nothing is buffered). */
function byteLimit(maxBytes: number) {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length;
      if (seen > maxBytes) callback(tooLarge());
      else callback(null, chunk);
    },
  });
}

export interface CsvUpload {
  /** The CSV bytes, as they arrive. */
  stream: Readable;
  fileName: string | null;
}

/**
 * The CSV of an import request, streamed: a `text/csv` body as is, or the `file` field of a
 * `multipart/form-data` body (other fields and files are skipped). Resolves as soon as the CSV
 * starts; the caller reads it to the end.
 */
export async function openCsvUpload(request: Request, fileName?: string): Promise<CsvUpload> {
  const contentType = request.headers.get('content-type') ?? '';
  const mediaType = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  const length = Number(request.headers.get('content-length') ?? Number.NaN);
  if (length > IMPORT_MAX_BYTES) throw tooLarge();
  const source = request.body
    ? Readable.fromWeb(request.body as WebReadableStream<Uint8Array>)
    : Readable.from([]);
  const body = byteLimit(IMPORT_MAX_BYTES);
  source.on('error', (error) => body.destroy(error));
  body.on('close', () => source.destroy());
  source.pipe(body);
  if (RAW_TYPES.includes(mediaType) || mediaType === '') {
    return { stream: body, fileName: fileName ?? null };
  }
  if (mediaType === 'multipart/form-data') return fileField(body, contentType);
  body.destroy();
  throw new UploadError(problemBody('unsupported_media_type', { mediaType }));
}

const noFile = (reason: 'no_boundary' | 'no_file_field') =>
  new UploadError(
    problemBody(
      'file_missing',
      { reason },
      { errors: [fieldProblem('file', 'file_required', {})] },
    ),
  );

function fileField(body: Readable, contentType: string): Promise<CsvUpload> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: { 'content-type': contentType }, limits: { files: 5 } });
    } catch {
      body.destroy();
      reject(noFile('no_boundary'));
      return;
    }
    let found: Readable | undefined;
    parser.on('file', (name, file, info) => {
      if (name !== 'file' || found) {
        file.resume();
        return;
      }
      found = file;
      resolve({ stream: file, fileName: info.filename || null });
    });
    parser.on('close', () => {
      if (!found) reject(noFile('no_file_field'));
    });
    const fail = (error: unknown) => {
      const problem =
        error instanceof ProblemError
          ? error
          : new UploadError(
              problemBody('multipart_unreadable', { reason: (error as Error).message }),
            );
      if (found) found.destroy(problem);
      else reject(problem);
    };
    parser.on('error', fail);
    body.on('error', (error) => {
      fail(error);
      parser.destroy();
    });
    body.pipe(parser);
  });
}
