import { MessageCircleReply } from 'lucide-react';
import { WaitForForm } from '../inspector/wait-for-form';
import { defineKind } from './kind';

export const waitForKind = defineKind({
  type: 'wait_for',
  icon: MessageCircleReply,
  color: '#0284c7',
  defaults: () => ({
    type: 'wait_for',
    signals: [{ port: 'replied', kind: 'reply' }],
    timeout: { amount: 24, unit: 'hours' },
  }),
  Form: WaitForForm,
});
