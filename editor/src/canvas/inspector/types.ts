import type { JourneyDefinition, NodeOfType, NodeType } from '@ruta/shared';

/** Every inspector form: the node as it is, and a way to replace it (the store validates and records history). */
export interface NodeFormProps<T extends NodeType> {
  id: string;
  node: NodeOfType<T>;
  definition: JourneyDefinition;
  onChange: (node: NodeOfType<T>) => void;
  readOnly: boolean;
}
