import { Mail, MessageCircle, MessageSquare, MessageSquareText } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { HandoffChannel } from './api';

const ICONS = {
  whatsapp: MessageCircle,
  sms: MessageSquareText,
  email: Mail,
  rcs: MessageSquare,
} as const;

/** A channel as a small icon and its name: «WhatsApp», «SMS», «Correo», «RCS». */
export function ChannelTag({ channel, iconOnly }: { channel: HandoffChannel; iconOnly?: boolean }) {
  const { t } = useTranslation();
  const Icon = ICONS[channel];
  const label = t(`inbox.channel.${channel}`);
  return (
    <span className={`inbox-channel inbox-channel-${channel}`} title={iconOnly ? label : undefined}>
      <Icon size={12} aria-hidden />
      {iconOnly ? <span className="sr-only">{label}</span> : label}
    </span>
  );
}
