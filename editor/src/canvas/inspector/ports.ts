import { PortName } from '@ruta/shared';

/** 'Pidió la baja' → 'pidio_la_baja': what a marketer's words become as an output name. */
export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '_')
    .replace(/^[_-]+|_+$/g, '')
    .slice(0, 64);
}

/** What a typed port name becomes: spaces to '_', accents dropped, other characters removed. */
export function cleanPortInput(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\s+/g, '_')
    .replace(/[^A-Za-z0-9_-]/g, '')
    .slice(0, 64);
}

export function isPortName(text: string): boolean {
  return PortName.safeParse(text).success;
}

/** `base`, or `base_2`, `base_3`… — the first that is not taken. */
export function uniquePort(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const start = base === '' ? 'out' : base;
  if (!used.has(start)) return start;
  for (let n = 2; ; n++) {
    const candidate = `${start}_${n}`;
    if (!used.has(candidate)) return candidate;
  }
}
