export type JsonPath = (string | number)[];

export type JsonHazard = { kind: 'too_deep' | 'nul' | 'lone_surrogate'; path: JsonPath };

/**
 * One pass over JSON text, before anything parses it: the first place nested deeper than
 * `maxDepth`, or holding what PostgreSQL text and jsonb cannot store: a NUL character (raw or
 * `\u0000`) or half of a UTF-16 surrogate pair (`\ud800` alone). Text that is not valid JSON is
 * left to the parser to refuse.
 */
export function scanJson(text: string, maxDepth: number): JsonHazard | undefined {
  type Frame = {
    array: boolean;
    index: number;
    key: string | number | undefined;
    expectKey: boolean;
  };
  const stack: Frame[] = [];
  const path = (extra?: string | number): JsonPath => {
    const out: JsonPath = [];
    for (const frame of stack) if (frame.key !== undefined) out.push(frame.key);
    if (extra !== undefined) out.push(extra);
    return out;
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '"') {
      const start = i;
      let nul = false;
      let lone = false;
      let pendingHigh = false; // the previous character was a \uD800–\uDBFF escape
      for (i++; i < text.length && text[i] !== '"'; i++) {
        if (text[i] === '\\' && text[i + 1] === 'u') {
          const unit = Number.parseInt(text.slice(i + 2, i + 6), 16);
          if (unit === 0) nul = true;
          if (isLowSurrogate(unit) && !pendingHigh) lone = true;
          if (pendingHigh && !isLowSurrogate(unit)) lone = true;
          pendingHigh = isHighSurrogate(unit);
          i += 5;
          continue;
        }
        if (pendingHigh) lone = true;
        pendingHigh = false;
        if (text[i] === '\\') i++;
        else if (text[i] === '\u0000') nul = true;
      }
      if (pendingHigh) lone = true;
      const frame = stack.at(-1);
      const isKey = frame !== undefined && !frame.array && frame.expectKey;
      const raw = text.slice(start, i + 1);
      if (isKey) {
        frame.key = decodeKey(raw);
        frame.expectKey = false;
      }
      if (nul) return { kind: 'nul', path: path() };
      if (lone) return { kind: 'lone_surrogate', path: path() };
      continue;
    }
    if (char === '\u0000') return { kind: 'nul', path: path() };
    if (char === '{' || char === '[') {
      const array = char === '[';
      if (stack.length >= maxDepth) return { kind: 'too_deep', path: path() };
      stack.push({ array, index: 0, key: array ? 0 : undefined, expectKey: !array });
    } else if (char === '}' || char === ']') {
      stack.pop();
    } else if (char === ',') {
      const frame = stack.at(-1);
      if (frame?.array) frame.key = ++frame.index;
      else if (frame) {
        frame.key = undefined;
        frame.expectKey = true;
      }
    }
  }
  return undefined;
}

function decodeKey(raw: string): string {
  try {
    return String(JSON.parse(raw)).replaceAll('\u0000', '\\u0000');
  } catch {
    return raw.slice(1, -1);
  }
}

const isHighSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
const isLowSurrogate = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;
