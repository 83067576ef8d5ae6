/** Text as HTML shows it: `&`, `<`, `>` and `"` escaped (emails Ruta writes itself). */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
