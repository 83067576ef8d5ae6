export * from './column-targets';

/**
 * One CSV cell (RFC 4180: quoted when it holds a separator, a quote or a line break), and never a
 * formula a spreadsheet would run: text starting with `=`, `+`, `-` or `@` gets a leading `'`
 * (numbers such as -3 or +52… stay as they are).
 */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text) && !/^[+-]?\d/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows as CSV text, lines ended by CRLF. */
export function toCsv(rows: readonly (readonly unknown[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n');
}
