import type { Localized } from '../model/index';

export type TemplateError = { error: Localized; line?: number; column?: number };

type Translation = [RegExp, (match: RegExpMatchArray) => Localized];

// Liquid's own messages are English; these are the ones a marketer actually runs into.
const translations: Translation[] = [
  [
    /^undefined filter: (.+)$/,
    ([, f]) => ({
      es: `el filtro «${f}» no existe`,
      pt: `o filtro «${f}» não existe`,
      en: `unknown filter "${f}"`,
    }),
  ],
  [
    /^tag "?(.+?)"? not found$/,
    ([, t]) => ({
      es: `la etiqueta «${t}» no existe`,
      pt: `a tag «${t}» não existe`,
      en: `unknown tag "${t}"`,
    }),
  ],
  [
    /^tag (.+) not closed$/,
    ([, t]) => ({ es: `falta cerrar ${t}`, pt: `falta fechar ${t}`, en: `${t} is not closed` }),
  ],
  [
    /^output (.+) not closed$/,
    ([, o]) => ({
      es: `falta cerrar ${o} con }}`,
      pt: `falta fechar ${o} com }}`,
      en: `${o} is missing its closing }}`,
    }),
  ],
  [
    /^template render limit exceeded$/,
    () => ({
      es: 'la plantilla tardó demasiado en generarse (¿un bucle demasiado grande?)',
      pt: 'o modelo demorou demais para ser gerado (um loop grande demais?)',
      en: 'the template took too long to render (a loop that is too large?)',
    }),
  ],
  [
    /^template parse limit exceeded$/,
    () => ({
      es: 'la plantilla es demasiado larga',
      pt: 'o modelo é longo demais',
      en: 'the template is too long',
    }),
  ],
  [
    /^memory alloc limit exceeded$/,
    () => ({
      es: 'la plantilla genera demasiado contenido',
      pt: 'o modelo gera conteúdo demais',
      en: 'the template produces too much content',
    }),
  ],
];

type LiquidLikeError = { message?: unknown; token?: { getPosition?: () => [number, number] } };

/** Turns anything liquidjs throws into a message in every language, with the line and column when known. */
export function toTemplateError(thrown: unknown): TemplateError {
  const err = (typeof thrown === 'object' && thrown !== null ? thrown : {}) as LiquidLikeError;
  const raw = typeof err.message === 'string' ? err.message : String(thrown);
  const withoutPosition =
    raw
      .replace(/, line:\d+, col:\d+$/, '')
      .split('\n')[0]
      ?.trim() ?? raw;
  let position: [number, number] | undefined;
  try {
    position = err.token?.getPosition?.();
  } catch {
    position = undefined;
  }
  const detail = translate(withoutPosition);
  if (!position) {
    return {
      error: {
        es: `Error en la plantilla: ${detail.es}.`,
        pt: `Erro no modelo: ${detail.pt}.`,
        en: `Template error: ${detail.en}.`,
      },
    };
  }
  const [line, column] = position;
  return {
    error: {
      es: `Error en la plantilla (línea ${line}, columna ${column}): ${detail.es}.`,
      pt: `Erro no modelo (linha ${line}, coluna ${column}): ${detail.pt}.`,
      en: `Template error (line ${line}, column ${column}): ${detail.en}.`,
    },
    line,
    column,
  };
}

function translate(message: string): Localized {
  for (const [pattern, build] of translations) {
    const match = message.match(pattern);
    if (match) return build(match);
  }
  return { es: message, pt: message, en: message };
}
