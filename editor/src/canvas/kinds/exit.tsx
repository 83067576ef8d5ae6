import { CircleStop } from 'lucide-react';
import { ExitForm } from '../inspector/exit-form';
import { defineKind } from './kind';

export const exitKind = defineKind({
  type: 'exit',
  icon: CircleStop,
  color: '#334155',
  defaults: () => ({ type: 'exit', outcome: 'completed' }),
  Form: ExitForm,
});
