import type { JourneyDefinition, JourneyNode, NodeType } from '@ruta/shared';
import type { ComponentType } from 'react';
import { editorKinds } from '../kinds/index';
import type { NodeFormProps } from './types';

interface Props {
  id: string;
  node: JourneyNode;
  definition: JourneyDefinition;
  onChange: (node: JourneyNode) => void;
  readOnly: boolean;
}

/** The selected step's form, from its kind; a read-only journey disables every control at once. */
export function NodeForm({ node, ...rest }: Props) {
  // The registry pairs each type with its form; TypeScript cannot follow that through a union.
  const Form = editorKinds[node.type].Form as ComponentType<NodeFormProps<NodeType>>;
  return (
    <fieldset className="insp-form" disabled={rest.readOnly}>
      <Form {...rest} node={node} />
    </fieldset>
  );
}
