// GSM 03.38 basic set and extension table: texts using only these go as 7-bit (160 / 153 per
// segment). One count for the editor (what the marketer sees) and the engine (what is billed).
const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENDED = '^{}\\[~]|€\f';

export interface SmsCount {
  encoding: 'GSM-7' | 'UCS-2';
  /** Septets for GSM-7, UTF-16 code units for UCS-2. */
  units: number;
  segments: number;
  /** Units one segment holds at this length (160/153 or 70/67). */
  perSegment: number;
}

/** How a text is billed: accents outside GSM-7 (á, í, ó, ú; ¡ and ñ are fine) switch to UCS-2. */
export function smsCount(text: string): SmsCount {
  let septets = 0;
  let gsm = true;
  for (const char of text) {
    if (GSM_BASIC.includes(char)) septets += 1;
    else if (GSM_EXTENDED.includes(char)) septets += 2;
    else {
      gsm = false;
      break;
    }
  }
  if (gsm) {
    const single = septets <= 160;
    return {
      encoding: 'GSM-7',
      units: septets,
      segments: single ? 1 : Math.ceil(septets / 153),
      perSegment: single ? 160 : 153,
    };
  }
  const units = [...text].reduce((n, char) => n + ((char.codePointAt(0) ?? 0) > 0xffff ? 2 : 1), 0);
  const single = units <= 70;
  return {
    encoding: 'UCS-2',
    units,
    segments: single ? 1 : Math.ceil(units / 67),
    perSegment: single ? 70 : 67,
  };
}

/** How many SMS segments a text costs. */
export function smsSegments(text: string): number {
  return smsCount(text).segments;
}

/** Letters outside GSM-7 and the nearest inside it (Spanish and Portuguese accents, typographic marks). */
const TO_GSM: Record<string, string> = {
  á: 'a',
  í: 'i',
  ó: 'o',
  ú: 'u',
  â: 'a',
  ê: 'e',
  ô: 'o',
  ã: 'a',
  õ: 'o',
  ç: 'c',
  ï: 'i',
  ë: 'e',
  Á: 'A',
  Í: 'I',
  Ó: 'O',
  Ú: 'U',
  Â: 'A',
  Ê: 'E',
  Ô: 'O',
  Ã: 'A',
  Õ: 'O',
  À: 'A',
  È: 'E',
  Ì: 'I',
  Ò: 'O',
  Ù: 'U',
  '‘': "'",
  '’': "'",
  '“': '"',
  '”': '"',
  '«': '"',
  '»': '"',
  '–': '-',
  '—': '-',
  '…': '...',
  ' ': ' ',
};

/**
 * The text with accents GSM-7 lacks replaced by their plain letters (á → a; ñ, é, ü, ¿ and ¡ are
 * GSM-7 and stay), so it can go at 160 characters a segment instead of 70. Emojis stay: they
 * have no GSM-7 equivalent.
 */
export function withoutAccents(text: string): string {
  return [...text].map((char) => TO_GSM[char] ?? char).join('');
}
