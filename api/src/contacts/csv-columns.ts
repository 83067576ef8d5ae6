import { CSV_CONTACT_FIELDS, CSV_IGNORE, type CsvContactField } from '@ruta/shared';
import { type CellError, cellError } from './csv-errors';
import { CHANNELS, type ContactChannel, fold } from './fields';

export type ContactField = CsvContactField;

/** What one CSV column fills (or nothing: the marketer left it out). */
export type ColumnTarget =
  | { kind: 'field'; field: ContactField }
  | { kind: 'consent'; channel: ContactChannel }
  | { kind: 'attribute'; key: string }
  | { kind: 'ignore' };

/**
 * How the marketer reads some columns, overriding the automatic reading: the header as in the file
 * (`#3` for an unnamed third column) → a target as `describeColumns` names it (`phone`,
 * `consent.sms`, `attributes.talla`) or `ignore`.
 */
export type ColumnMapping = Record<string, string>;

/** A mapping that cannot apply to the file: the request is wrong, not the file. */
export type MappingError =
  | { code: 'mapping_column_unknown'; params: { column: string; headers: string } }
  | { code: 'mapping_target_unknown'; params: { column: string; target: string } };

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
 * A target as the API names it → what the column fills, or `undefined` when it names nothing.
 * A custom attribute's name is keyed in snake_case, as headers are (`attributes.Talla` → `talla`).
 */
export function parseTarget(name: string): ColumnTarget | undefined {
  if (name === CSV_IGNORE) return { kind: 'ignore' };
  const field = CSV_CONTACT_FIELDS.find((f) => f === name);
  if (field) return { kind: 'field', field };
  const dot = name.indexOf('.');
  const [kind, rest] = dot < 0 ? [name, ''] : [name.slice(0, dot), name.slice(dot + 1)];
  if (kind === 'consent') {
    const channel = CHANNELS.find((c) => c === rest);
    return channel ? { kind: 'consent', channel } : undefined;
  }
  const key = headerKey(rest);
  if (kind === 'attributes' && key && key.length <= 100) return { kind: 'attribute', key };
  return undefined;
}

/** The marketer's targets by column name, or what is wrong with them. */
function chosenTargets(
  names: string[],
  mapping: ColumnMapping,
): { chosen: Map<string, ColumnTarget> } | { error: MappingError } {
  const chosen = new Map<string, ColumnTarget>();
  for (const [column, name] of Object.entries(mapping)) {
    const header = column.trim();
    if (!names.includes(header))
      return {
        error: {
          code: 'mapping_column_unknown',
          params: {
            column,
            headers: names.slice(0, 30).join(', ') + (names.length > 30 ? ', …' : ''),
          },
        },
      };
    const chosenTarget = parseTarget(name);
    if (!chosenTarget)
      return { error: { code: 'mapping_target_unknown', params: { column, target: name } } };
    chosen.set(header, chosenTarget);
  }
  return { chosen };
}

const slotOf = (t: ColumnTarget) =>
  t.kind === 'field'
    ? t.field
    : t.kind === 'consent'
      ? `consent_${t.channel}`
      : t.kind === 'attribute'
        ? `attr:${t.key}`
        : undefined;

/**
 * The header row → what each column fills: contact fields (a few Spanish names accepted), consent
 * per channel (`consent_whatsapp`), and every other column as an attribute keyed in snake_case —
 * unless `mapping` says otherwise for a column. After the mapping, one column still has to
 * identify the contact. A mapping that names no column of the file, or no target, is `refused`.
 */
export function mapColumns(
  headers: string[],
  mapping: ColumnMapping = {},
): { columns: CsvColumn[]; problems: ColumnProblem[]; refused?: MappingError } {
  const names = headers.map((raw, index) => raw.trim() || `#${index + 1}`);
  const targets = chosenTargets(names, mapping);
  if ('error' in targets) return { columns: [], problems: [], refused: targets.error };
  const problems: ColumnProblem[] = [];
  const seen = new Map<string, string>();
  const columns = names.map((header, index): CsvColumn => {
    const chosen = targets.chosen.get(header);
    const key = headerKey(headers[index] ?? '');
    if (!chosen && !key) {
      problems.push(cellError(`#${index + 1}`, 'column_unnamed', {}));
      return { header, target: { kind: 'attribute', key: '' } };
    }
    const t = chosen ?? target(key);
    const slot = slotOf(t);
    const previous = slot === undefined ? undefined : seen.get(slot);
    if (previous !== undefined)
      problems.push(
        cellError(header, 'column_repeated', { attribute: t.kind === 'attribute', previous }),
      );
    if (slot !== undefined) seen.set(slot, header);
    return { header, target: t };
  });
  const identifies = columns.some(
    (c) => c.target.kind === 'field' && ['external_id', 'phone', 'email'].includes(c.target.field),
  );
  if (headers.length > 0 && !identifies)
    problems.push(cellError('external_id', 'identity_column_missing', {}));
  return { columns, problems };
}

/** For the job's answer: header → `phone`, `consent.whatsapp`, `attributes.plan` or `ignore`. */
export function describeColumns(columns: CsvColumn[]): Record<string, string> {
  return Object.fromEntries(
    columns.map((c) => [
      c.header,
      c.target.kind === 'field'
        ? c.target.field
        : c.target.kind === 'consent'
          ? `consent.${c.target.channel}`
          : c.target.kind === 'attribute'
            ? `attributes.${c.target.key}`
            : CSV_IGNORE,
    ]),
  );
}
