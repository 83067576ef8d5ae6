import type { ProviderKind } from '@ruta/shared';
import { Inbox, type LucideIcon, Mail, MessageCircle, MessageSquareText } from 'lucide-react';

const ICONS: Record<ProviderKind, LucideIcon> = {
  whatsapp: MessageCircle,
  twilio: MessageSquareText,
  smtp: Mail,
  sandbox: Inbox,
};

export function ProviderIcon({ provider, size = 16 }: { provider: ProviderKind; size?: number }) {
  const Icon = ICONS[provider];
  return <Icon size={size} aria-hidden className={`provider-icon provider-icon-${provider}`} />;
}
