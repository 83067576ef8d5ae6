import { Split } from 'lucide-react';
import { SplitForm } from '../inspector/split-form';
import { defineKind } from './kind';

export const splitKind = defineKind({
  type: 'split',
  icon: Split,
  color: '#9333ea',
  defaults: () => ({
    type: 'split',
    variants: [
      { port: 'a', label: 'A', percent: 50 },
      { port: 'b', label: 'B', percent: 50 },
    ],
  }),
  Form: SplitForm,
});
