import { Clock } from 'lucide-react';
import { WaitForm } from '../inspector/wait-form';
import { defineKind } from './kind';

export const waitKind = defineKind({
  type: 'wait',
  icon: Clock,
  color: '#6366f1',
  defaults: () => ({
    type: 'wait',
    until: { kind: 'duration', duration: { amount: 1, unit: 'days' } },
  }),
  Form: WaitForm,
});
