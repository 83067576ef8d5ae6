import type { NodeType } from '@ruta/shared';
import {
  CircleStop,
  Clock,
  GitBranch,
  Headset,
  type LucideIcon,
  MessageCircleReply,
  Send,
  Split,
  UserPen,
  Webhook,
  Zap,
} from 'lucide-react';

/** Icon per step kind (the color comes from the `--k-<kind>` CSS variable). */
export const KIND_ICONS: Record<NodeType | 'trigger', LucideIcon> = {
  trigger: Zap,
  send: Send,
  wait: Clock,
  wait_for: MessageCircleReply,
  branch: GitBranch,
  split: Split,
  update_contact: UserPen,
  webhook: Webhook,
  handoff: Headset,
  exit: CircleStop,
};

/** Same colors as the CSS variables, for places that need a literal (the minimap). */
export const KIND_COLORS: Record<NodeType | 'trigger', string> = {
  trigger: '#111827',
  send: '#16a34a',
  wait: '#6366f1',
  wait_for: '#0284c7',
  branch: '#d97706',
  split: '#9333ea',
  update_contact: '#475569',
  webhook: '#0f766e',
  handoff: '#db2777',
  exit: '#334155',
};

export const PALETTE_ORDER: NodeType[] = [
  'send',
  'wait_for',
  'wait',
  'branch',
  'split',
  'update_contact',
  'webhook',
  'handoff',
  'exit',
];

/** Wide enough for every output's label: 240 px, more for steps with many outputs. */
export function nodeWidth(ports: number): number {
  return Math.max(240, ports * 78);
}
