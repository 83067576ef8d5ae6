const skinToneOrJoiner = /[\u{1F3FB}-\u{1F3FF}\u200d]/gu;
const apostrophes = /['’`´]/g;
const punctuationOrSymbol = /\p{P}|(?!\p{Extended_Pictographic})\p{S}/gu;
const pictograph = /(\p{Extended_Pictographic})/gu;

/**
 * Reply text as compared by intents and keywords: lowercase, no accents, no punctuation,
 * single spaces. Emoji stay (as separate words) because 👍 is an answer; skin tones are dropped.
 * "¡¡Sí, claro!!" → "si claro"; "Não 👎🏽" → "nao 👎"; "???" → "".
 */
export function normalizeReply(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(skinToneOrJoiner, '')
    .replace(apostrophes, '')
    .replace(punctuationOrSymbol, ' ')
    .replace(pictograph, ' $1 ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** "siiii" → "si", "noooo" → "no": people stretch words; synonyms are compared squeezed too. */
export function squeezeRepeats(text: string): string {
  return text.replace(/(.)\1+/gu, '$1');
}
