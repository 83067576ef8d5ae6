import { z } from 'zod';

/** A message shown to a user, in Spanish and English. */
export const Localized = z.object({ es: z.string(), en: z.string() });
export type Localized = z.infer<typeof Localized>;
