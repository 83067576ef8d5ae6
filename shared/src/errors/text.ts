/** One message in every language Ruta speaks: English, Mexican Spanish and Brazilian Portuguese. */
export interface ErrorText {
  en: string;
  es: string;
  pt: string;
}

export type Lang = keyof ErrorText;

export const LANGS: readonly Lang[] = ['en', 'es', 'pt'];

export const t = (en: string, es: string, pt: string): ErrorText => ({ en, es, pt });

/** The same piece of text in every language (a number, an id, a path). */
export const same = (text: string | number): ErrorText =>
  t(String(text), String(text), String(text));

/** A problem's parameters: plain values, or text already said in each language. */
export type ParamValue = string | number | boolean | ErrorText | undefined;

/** A catalog entry: the HTTP status, a title and a detail built from the problem's parameters. */
export interface ErrorEntry<P> {
  status: number;
  title: ErrorText;
  detail: (params: P) => ErrorText;
}

/** Declares an entry with typed parameters (`entry<{ id: string }>(404, …)`). */
export function entry<P = Record<string, never>>(
  status: number,
  title: ErrorText,
  detail: (params: P) => ErrorText,
): ErrorEntry<P> {
  return { status, title, detail };
}

/** A message about one field, keyed by code in the field table. */
export type FieldEntry<P> = (params: P) => ErrorText;

export function field<P = Record<string, never>>(message: (params: P) => ErrorText): FieldEntry<P> {
  return message;
}

/** Joins text said in each language ("a; b"). */
export function joinTexts(texts: readonly ErrorText[], separator = '; '): ErrorText {
  return {
    en: texts.map((x) => x.en).join(separator),
    es: texts.map((x) => x.es).join(separator),
    pt: texts.map((x) => x.pt).join(separator),
  };
}

export function isErrorText(value: unknown): value is ErrorText {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ErrorText).en === 'string' &&
    typeof (value as ErrorText).es === 'string' &&
    typeof (value as ErrorText).pt === 'string'
  );
}
