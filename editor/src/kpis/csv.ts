import { toCsv } from '@ruta/shared';

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
