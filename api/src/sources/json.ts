import { MalformedDeliveryError } from './types';

/**
 * JSON.parse, with integers too long for a double kept as strings: store ids exceed 2^53
 * (Shopify's do) and must not be rounded. Strings in the text are left as they are.
 */
export function parseJsonKeepingIds(body: string): unknown {
  let out = '';
  let i = 0;
  const n = body.length;
  while (i < n) {
    const ch = body[i] as string;
    if (ch === '"') {
      let j = i + 1;
      while (j < n && body[j] !== '"') j += body[j] === '\\' ? 2 : 1;
      out += body.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === '-' || (ch >= '0' && ch <= '9')) {
      let j = i + 1;
      while (j < n && /[0-9.eE+-]/.test(body[j] as string)) j++;
      const literal = body.slice(i, j);
      const digits = literal.replace(/^-/, '');
      out +=
        /^\d+$/.test(digits) && !Number.isSafeInteger(Number(literal)) ? `"${literal}"` : literal;
      i = j;
      continue;
    }
    out += ch;
    i++;
  }
  try {
    return JSON.parse(out);
  } catch {
    throw new MalformedDeliveryError('the body is not JSON');
  }
}
