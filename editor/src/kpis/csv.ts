/** One CSV cell: quoted when it holds a separator, a quote or a line break (RFC 4180). */
function cell(value: unknown): string {
  const text = String(value ?? '');
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(rows: unknown[][]): string {
  return rows.map((row) => row.map(cell).join(',')).join('\r\n');
}

/** Saves the rows as a UTF-8 CSV (with a BOM, so spreadsheets read the accents). */
export function downloadCsv(fileName: string, rows: unknown[][]): void {
  const blob = new Blob([`\uFEFF${toCsv(rows)}`], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}
