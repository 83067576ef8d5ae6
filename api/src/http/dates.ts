import { z } from '@hono/zod-openapi';
import { fieldRule } from '@ruta/shared';

const ISO_DATE_OR_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;
const EARLIEST = Date.UTC(1900, 0, 1);
/** The last day any span may end on: a whole day after it (`to` covers its day) is still storable. */
const LATEST = Date.UTC(9998, 11, 31);

/**
 * A date (2025-03-01) or date-time with offset that is a real calendar day, as an instant between
 * 1900 and 9998: JavaScript reads "0000-01-01" and "2025-02-30" as dates, PostgreSQL refuses them
 * (which answered 500), and the day after 9999-12-31 (the end of a `to` day) is year 10000.
 */
export function isRealDateOrTime(value: string): boolean {
  const match = ISO_DATE_OR_TIME.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1900 || year > 9998) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return false;
  const instant = Date.parse(value);
  return instant >= EARLIEST && instant <= LATEST;
}

const INVALID_DATE = fieldRule('invalid_date', {});
const INVALID_INSTANT = fieldRule('invalid_date', { instant: true });

/** An ISO date-time with an offset (`Z` or ±hh:mm) that is a real instant PostgreSQL can store. */
export function isoInstant() {
  return z
    .string()
    .max(40)
    .superRefine((value, ctx) => {
      if (value.includes('T') && isRealDateOrTime(value)) return;
      ctx.addIssue({ code: 'custom', ...INVALID_INSTANT });
    });
}

/** An optional query parameter holding such a date or date-time; refused in English and Spanish. */
export function dateOrTimeQuery(description: string) {
  return z
    .string()
    .max(40)
    .superRefine((value, ctx) => {
      if (isRealDateOrTime(value)) return;
      ctx.addIssue({ code: 'custom', ...INVALID_DATE });
    })
    .optional()
    .openapi({ description });
}
