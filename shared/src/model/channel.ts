import { z } from 'zod';

export const Channel = z.enum(['whatsapp', 'sms', 'email', 'rcs']);
export type Channel = z.infer<typeof Channel>;

export const channelNames: Record<Channel, string> = {
  whatsapp: 'WhatsApp',
  sms: 'SMS',
  email: 'Email',
  rcs: 'RCS',
};
