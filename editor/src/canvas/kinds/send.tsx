import { Send } from 'lucide-react';
import { SendForm } from '../inspector/send-form';
import { defineKind } from './kind';

export const sendKind = defineKind({
  type: 'send',
  icon: Send,
  color: '#16a34a',
  defaults: () => ({
    type: 'send',
    channel: 'whatsapp',
    fallbackChannels: [],
    content: { whatsapp: { text: 'Hola {{ contact.first_name }} 👋', buttons: [] } },
  }),
  Form: SendForm,
});
