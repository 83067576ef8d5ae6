import type { NodeOfType, NodeType } from '@ruta/shared';
import type { LucideIcon } from 'lucide-react';
import type { ComponentType } from 'react';
import type { NodeFormProps } from '../inspector/types';

/**
 * Everything the editor knows about one step kind, in one module per kind (like tldraw's
 * ShapeUtil list). The kind's name and its card summary come from shared/ (`nodeKinds`,
 * `nodeSummary`), so the editor, the runs page and the API say the same words.
 */
export interface EditorKind<T extends NodeType> {
  type: T;
  icon: LucideIcon;
  /** The kind's colour: the card's icon, the palette, the minimap and `--k-<kind>` in CSS. */
  color: string;
  /** What a step looks like when dropped from the palette: valid where it can be, easy to edit. */
  defaults: () => NodeOfType<T>;
  /** The inspector's form for a step of this kind. */
  Form: ComponentType<NodeFormProps<T>>;
}

export function defineKind<T extends NodeType>(kind: EditorKind<T>): EditorKind<T> {
  return kind;
}
