import type { NodeOfType, NodeType } from '@ruta/shared';
import type { LucideIcon } from 'lucide-react';
import type { CSSProperties } from 'react';
import { branchKind } from './branch';
import { exitKind } from './exit';
import { handoffKind } from './handoff';
import type { EditorKind } from './kind';
import { sendKind } from './send';
import { splitKind } from './split';
import { triggerLooks } from './trigger';
import { updateContactKind } from './update-contact';
import { waitKind } from './wait';
import { waitForKind } from './wait-for';
import { webhookKind } from './webhook';

export type { EditorKind } from './kind';

/**
 * Every step kind the editor draws, by type; a kind added to shared's `JourneyNode` does not
 * type-check until it is here. The order is the palette's.
 */
export const editorKinds: { [T in NodeType]: EditorKind<T> } = {
  send: sendKind,
  wait_for: waitForKind,
  wait: waitKind,
  branch: branchKind,
  split: splitKind,
  update_contact: updateContactKind,
  webhook: webhookKind,
  handoff: handoffKind,
  exit: exitKind,
};

/** The palette: every kind, in the registry's order. */
export const PALETTE_KINDS = Object.keys(editorKinds) as NodeType[];

/** Card kinds: the entry card and every step kind. */
export type CardKind = NodeType | 'trigger';

export function kindIcon(kind: CardKind): LucideIcon {
  return kind === 'trigger' ? triggerLooks.icon : editorKinds[kind].icon;
}

export function kindColor(kind: CardKind): string {
  return kind === 'trigger' ? triggerLooks.color : editorKinds[kind].color;
}

/** The `--k-<kind>` CSS variables, from the registry (the stylesheets only read them). */
export function kindColorVariables(): CSSProperties {
  const kinds: CardKind[] = ['trigger', ...PALETTE_KINDS];
  return Object.fromEntries(kinds.map((kind) => [`--k-${kind}`, kindColor(kind)]));
}

/** A new step of this kind, as dropped from the palette. */
export function defaultNode<T extends NodeType>(type: T): NodeOfType<T> {
  return (editorKinds[type] as EditorKind<T>).defaults();
}
