import { Headset } from 'lucide-react';
import { HandoffForm } from '../inspector/handoff-form';
import { defineKind } from './kind';

export const handoffKind = defineKind({
  type: 'handoff',
  icon: Headset,
  color: '#db2777',
  defaults: () => ({ type: 'handoff', queue: 'ventas', note: '' }),
  Form: HandoffForm,
});
