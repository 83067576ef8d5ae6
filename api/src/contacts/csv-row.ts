import { z } from 'zod';
import type { CsvColumn } from './csv-columns';
import {
  type ContactChannel,
  canonicalTimeZone,
  E164_EXAMPLE,
  LOCALE,
  normalizePhone,
  parseYesNo,
} from './fields';

/** A validated CSV row, ready to upsert (empty cells are absent: they change nothing). */
export interface ImportRow {
  line: number;
  externalId?: string;
  phone?: string;
  email?: string;
  firstName?: string;
  lastName?: string;
  timeZone?: string;
  locale?: string;
  tags: string[];
  consent: Partial<Record<ContactChannel, boolean>>;
  attributes: Record<string, string | number | boolean>;
}

export interface RowError {
  line: number;
  column: string;
  message: string;
}

const MAX_TEXT = 200;
const MAX_ATTRIBUTE = 2_000;
const isEmail = (value: string) => z.email().safeParse(value).success;

/**
 * Attribute cells keep their text unless it is plainly a number or a boolean: `42`, `-3.5`,
 * `true`. Codes with leading zeros (`007`, zip codes) and long digit strings (ids) stay text.
 */
export function attributeValue(cell: string): string | number | boolean {
  if (/^(true|false)$/i.test(cell)) return cell.toLowerCase() === 'true';
  if (/^-?(0|[1-9]\d{0,14})(\.\d+)?$/.test(cell)) return Number(cell);
  return cell;
}

/** Checks one record against the columns; every problem found is reported, not only the first. */
export function validateRow(
  columns: CsvColumn[],
  record: string[],
  line: number,
): { row: ImportRow; errors: [] } | { row?: undefined; errors: RowError[] } {
  const errors: RowError[] = [];
  const fail = (column: string, message: string) => errors.push({ line, column, message });
  const row: ImportRow = { line, tags: [], consent: {}, attributes: {} };
  if (record.length > columns.length) {
    fail(
      `#${columns.length + 1}`,
      `the row has ${record.length} fields but the header has ${columns.length} (a comma inside a value needs quotes)`,
    );
  }
  columns.forEach((column, index) => {
    const cell = (record[index] ?? '').trim();
    if (!cell) return;
    if (cell.includes('\uFFFD')) {
      fail(column.header, 'the text is not UTF-8: save the file as «CSV UTF-8»');
      return;
    }
    if (cell.includes('\u0000')) {
      fail(
        column.header,
        'the text holds a NUL character (\\u0000), which cannot be stored: remove it',
      );
      return;
    }
    const t = column.target;
    if (t.kind === 'consent') {
      const granted = parseYesNo(cell);
      if (granted === undefined)
        fail(
          column.header,
          `"${cell}" is not yes/no (accepted: yes, no, sí, si, true, false, 1, 0)`,
        );
      else row.consent[t.channel] = granted;
      return;
    }
    if (t.kind === 'attribute') {
      if (cell.length > MAX_ATTRIBUTE)
        fail(column.header, `longer than ${MAX_ATTRIBUTE} characters`);
      else row.attributes[t.key] = attributeValue(cell);
      return;
    }
    switch (t.field) {
      case 'phone': {
        const phone = normalizePhone(cell);
        if (phone) row.phone = phone;
        else
          fail(
            column.header,
            `"${cell}" is not a phone in international format (E.164, like ${E164_EXAMPLE})`,
          );
        return;
      }
      case 'email':
        if (cell.length <= 254 && isEmail(cell)) row.email = cell;
        else fail(column.header, `"${cell}" is not a valid email address`);
        return;
      case 'time_zone': {
        const zone = canonicalTimeZone(cell);
        if (zone) row.timeZone = zone;
        else fail(column.header, `"${cell}" is not an IANA time zone, like America/Mexico_City`);
        return;
      }
      case 'locale':
        if (LOCALE.test(cell) && cell.length <= 20) row.locale = cell;
        else fail(column.header, `"${cell}" is not a language tag, like es-MX`);
        return;
      case 'tags': {
        const tags = cell
          .split('|')
          .map((tag) => tag.trim())
          .filter(Boolean);
        const long = tags.find((tag) => tag.length > 64);
        if (long)
          fail(column.header, `the tag "${long.slice(0, 20)}…" is longer than 64 characters`);
        else row.tags = [...new Set(tags)];
        return;
      }
      default: {
        const limit = t.field === 'external_id' ? MAX_TEXT : 100;
        if (cell.length > limit) {
          fail(column.header, `longer than ${limit} characters`);
          return;
        }
        if (t.field === 'external_id') row.externalId = cell;
        else if (t.field === 'first_name') row.firstName = cell;
        else row.lastName = cell;
      }
    }
  });
  if (errors.length > 0) return { errors };
  if (!row.externalId && !row.phone && !row.email) {
    const identity = columns.find(
      (c) =>
        c.target.kind === 'field' && ['external_id', 'phone', 'email'].includes(c.target.field),
    );
    return {
      errors: [
        {
          line,
          column: identity?.header ?? 'external_id',
          message: 'the row needs an external_id, a phone or an email',
        },
      ],
    };
  }
  return { row, errors: [] };
}
