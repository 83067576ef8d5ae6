import { z } from 'zod';

/** A message shown to a user, in Spanish (es-MX), Brazilian Portuguese (pt-BR) and English. */
export const Localized = z.object({ es: z.string(), pt: z.string(), en: z.string() });
export type Localized = z.infer<typeof Localized>;
