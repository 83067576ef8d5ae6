/** Where Ruta's customers write local phone numbers from (ISO 3166-1), most used first. */
export const PHONE_COUNTRIES = [
  'MX',
  'BR',
  'CO',
  'AR',
  'CL',
  'PE',
  'EC',
  'GT',
  'US',
  'ES',
] as const;

/** The browser's own region when it is one of them (es-MX → MX, pt-BR → BR); else none. */
export function defaultCountry(): string {
  const languages = globalThis.navigator?.languages ?? [globalThis.navigator?.language ?? ''];
  for (const tag of languages) {
    const region = tag.split('-')[1]?.toUpperCase();
    if (region && (PHONE_COUNTRIES as readonly string[]).includes(region)) return region;
  }
  return '';
}
