import { type CellError, cellError } from './csv-errors';
import { CHANNELS, type ContactChannel, fold } from './fields';

export type ContactField =
  | 'external_id'
  | 'phone'
  | 'email'
  | 'first_name'
  | 'last_name'
  | 'time_zone'
  | 'locale'
  | 'tags';

/** What one CSV column fills. */
export type ColumnTarget =
  | { kind: 'field'; field: ContactField }
  | { kind: 'consent'; channel: ContactChannel }
  | { kind: 'attribute'; key: string };

export interface CsvColumn {
  /** The header as written in the file. */
  header: string;
  target: ColumnTarget;
}

export type ColumnProblem = CellError;

/** `Ciudad de envío` → `ciudad_de_envio`: how headers are matched and attribute keys are named. */
export function headerKey(header: string): string {
  return fold(header.trim())
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

const FIELDS: Record<string, ContactField> = {
  external_id: 'external_id',
  externalid: 'external_id',
  phone: 'phone',
  phone_number: 'phone',
  telefono: 'phone',
  celular: 'phone',
  email: 'email',
  e_mail: 'email',
  correo: 'email',
  first_name: 'first_name',
  firstname: 'first_name',
  nombre: 'first_name',
  last_name: 'last_name',
  lastname: 'last_name',
  apellido: 'last_name',
  apellidos: 'last_name',
  time_zone: 'time_zone',
  timezone: 'time_zone',
  zona_horaria: 'time_zone',
  locale: 'locale',
  idioma: 'locale',
  tags: 'tags',
  etiquetas: 'tags',
};

function target(key: string): ColumnTarget {
  const field = FIELDS[key];
  if (field) return { kind: 'field', field };
  const consent = /^consent(?:imiento)?_(\w+)$/.exec(key);
  const channel = CHANNELS.find((c) => c === consent?.[1]);
  if (channel) return { kind: 'consent', channel };
  return { kind: 'attribute', key };
}

/**
 * The header row → what each column fills: contact fields (a few Spanish names accepted), consent
 * per channel (`consent_whatsapp`), and every other column as an attribute keyed in snake_case.
 */
export function mapColumns(headers: string[]): { columns: CsvColumn[]; problems: ColumnProblem[] } {
  const problems: ColumnProblem[] = [];
  const seen = new Map<string, string>();
  const columns = headers.map((raw, index) => {
    const header = raw.trim();
    const key = headerKey(header);
    if (!key) {
      problems.push(cellError(`#${index + 1}`, 'column_unnamed', {}));
      return {
        header: header || `#${index + 1}`,
        target: { kind: 'attribute', key: '' },
      } as CsvColumn;
    }
    const t = target(key);
    const slot =
      t.kind === 'field'
        ? t.field
        : t.kind === 'consent'
          ? `consent_${t.channel}`
          : `attr:${t.key}`;
    const previous = seen.get(slot);
    if (previous !== undefined)
      problems.push(
        cellError(header, 'column_repeated', { attribute: t.kind === 'attribute', previous }),
      );
    seen.set(slot, header);
    return { header, target: t };
  });
  const identifies = columns.some(
    (c) => c.target.kind === 'field' && ['external_id', 'phone', 'email'].includes(c.target.field),
  );
  if (headers.length > 0 && !identifies)
    problems.push(cellError('external_id', 'identity_column_missing', {}));
  return { columns, problems };
}

/** For the job's answer: header → `phone`, `consent.whatsapp` or `attributes.plan`. */
export function describeColumns(columns: CsvColumn[]): Record<string, string> {
  return Object.fromEntries(
    columns.map((c) => [
      c.header,
      c.target.kind === 'field'
        ? c.target.field
        : c.target.kind === 'consent'
          ? `consent.${c.target.channel}`
          : `attributes.${c.target.key}`,
    ]),
  );
}
