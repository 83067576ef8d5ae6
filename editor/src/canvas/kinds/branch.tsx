import { GitBranch } from 'lucide-react';
import { BranchForm } from '../inspector/branch-form';
import { defineKind } from './kind';

export const branchKind = defineKind({
  type: 'branch',
  icon: GitBranch,
  color: '#d97706',
  defaults: () => ({
    type: 'branch',
    cases: [
      {
        port: 'case_1',
        label: '',
        conditions: [{ source: 'engagement', field: 'replied', op: 'eq', value: true }],
      },
    ],
  }),
  Form: BranchForm,
});
