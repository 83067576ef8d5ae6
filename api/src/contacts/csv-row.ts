import type { FieldErrorCode, FieldErrorParams } from '@ruta/shared';
import { z } from 'zod';
import type { CsvColumn } from './csv-columns';
import { type RowError, rowError } from './csv-errors';
import {
  type ContactChannel,
  canonicalTimeZone,
  E164_EXAMPLE,
  LOCALE,
  normalizePhone,
  parseYesNo,
} from './fields';
import { toE164 } from './phone';

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

export type { RowError } from './csv-errors';

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
export interface RowOptions {
  /** Where phones written without a prefix are from (`55 1234 5678` in MX → +525512345678). */
  country?: string | undefined;
}

export function validateRow(
  columns: CsvColumn[],
  record: string[],
  line: number,
  options: RowOptions = {},
): { row: ImportRow; errors: [] } | { row?: undefined; errors: RowError[] } {
  const errors: RowError[] = [];
  const fail = <C extends FieldErrorCode>(column: string, code: C, params: FieldErrorParams<C>) =>
    errors.push(rowError(line, column, code, params));
  const row: ImportRow = { line, tags: [], consent: {}, attributes: {} };
  if (record.length > columns.length) {
    fail(`#${columns.length + 1}`, 'too_many_fields', {
      fields: record.length,
      header: columns.length,
    });
  }
  columns.forEach((column, index) => {
    const cell = (record[index] ?? '').trim();
    if (!cell || column.target.kind === 'ignore') return;
    if (cell.includes('\uFFFD')) {
      fail(column.header, 'not_utf8', {});
      return;
    }
    if (cell.includes('\u0000')) {
      fail(column.header, 'cell_nul', {});
      return;
    }
    const t = column.target;
    if (t.kind === 'consent') {
      const granted = parseYesNo(cell);
      if (granted === undefined) fail(column.header, 'not_yes_no', { value: cell });
      else row.consent[t.channel] = granted;
      return;
    }
    if (t.kind === 'attribute') {
      if (cell.length > MAX_ATTRIBUTE) fail(column.header, 'too_long', { limit: MAX_ATTRIBUTE });
      else row.attributes[t.key] = attributeValue(cell);
      return;
    }
    switch (t.field) {
      case 'phone': {
        const phone = normalizePhone(cell) ?? toE164(cell, options.country);
        if (phone) row.phone = phone;
        else if (options.country)
          fail(column.header, 'not_phone_in_country', {
            value: cell,
            country: options.country,
            example: E164_EXAMPLE,
          });
        else fail(column.header, 'not_phone', { value: cell, example: E164_EXAMPLE });
        return;
      }
      case 'email':
        if (cell.length <= 254 && isEmail(cell)) row.email = cell;
        else fail(column.header, 'not_email', { value: cell });
        return;
      case 'time_zone': {
        const zone = canonicalTimeZone(cell);
        if (zone) row.timeZone = zone;
        else fail(column.header, 'not_time_zone', { value: cell });
        return;
      }
      case 'locale':
        if (LOCALE.test(cell) && cell.length <= 20) row.locale = cell;
        else fail(column.header, 'not_locale', { value: cell });
        return;
      case 'tags': {
        const tags = cell
          .split('|')
          .map((tag) => tag.trim())
          .filter(Boolean);
        const long = tags.find((tag) => tag.length > 64);
        if (long) fail(column.header, 'tag_too_long', { tag: long.slice(0, 20) });
        else row.tags = [...new Set(tags)];
        return;
      }
      default: {
        const limit = t.field === 'external_id' ? MAX_TEXT : 100;
        if (cell.length > limit) {
          fail(column.header, 'too_long', { limit });
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
      errors: [rowError(line, identity?.header ?? 'external_id', 'row_needs_identifier', {})],
    };
  }
  return { row, errors: [] };
}
