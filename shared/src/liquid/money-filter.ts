/** The locale whose conventions people paying in this currency expect. */
const currencyLocale: Record<string, string> = {
  MXN: 'es-MX',
  BRL: 'pt-BR',
  ARS: 'es-AR',
  CLP: 'es-CL',
  COP: 'es-CO',
  PEN: 'es-PE',
  UYU: 'es-UY',
  PYG: 'es-PY',
  BOB: 'es-BO',
  VES: 'es-VE',
  GTQ: 'es-GT',
  CRC: 'es-CR',
  PAB: 'es-PA',
  DOP: 'es-DO',
  EUR: 'es-ES',
  USD: 'en-US',
};

/**
 * `{{ event.total | money: 'MXN' }}` → "$1,299.50"; an optional second argument picks the
 * locale (`money: 'USD', 'es-MX'`). Blank values render blank so a missing amount is not "$0.00".
 */
export function money(value: unknown, currency: unknown = 'MXN', locale?: unknown): string {
  if (value === undefined || value === null || value === '') return '';
  const amount = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(amount)) return String(value);
  const code = String(currency).toUpperCase();
  const tag = typeof locale === 'string' && locale !== '' ? locale : (currencyLocale[code] ?? 'es');
  return new Intl.NumberFormat(tag, { style: 'currency', currency: code }).format(amount);
}
