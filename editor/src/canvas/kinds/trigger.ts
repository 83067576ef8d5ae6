import { Zap } from 'lucide-react';

/** The entry card is not a step kind (no form of its own here, no palette entry): its looks only. */
export const triggerLooks = { icon: Zap, color: '#111827' } as const;
