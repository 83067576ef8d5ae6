import type { JourneyDefinition, JourneyNode } from '@ruta/shared';
import { BranchForm } from './branch-form';
import { ExitForm } from './exit-form';
import { HandoffForm } from './handoff-form';
import { SendForm } from './send-form';
import { SplitForm } from './split-form';
import { UpdateContactForm } from './update-contact-form';
import { WaitForForm } from './wait-for-form';
import { WaitForm } from './wait-form';
import { WebhookForm } from './webhook-form';

interface Props {
  id: string;
  node: JourneyNode;
  definition: JourneyDefinition;
  onChange: (node: JourneyNode) => void;
  readOnly: boolean;
}

/** The selected step's form, by kind; a read-only journey disables every control at once. */
export function NodeForm(props: Props) {
  return (
    <fieldset className="insp-form" disabled={props.readOnly}>
      <FormFor {...props} />
    </fieldset>
  );
}

function FormFor({ node, ...rest }: Props) {
  switch (node.type) {
    case 'send':
      return <SendForm {...rest} node={node} />;
    case 'wait':
      return <WaitForm {...rest} node={node} />;
    case 'wait_for':
      return <WaitForForm {...rest} node={node} />;
    case 'branch':
      return <BranchForm {...rest} node={node} />;
    case 'split':
      return <SplitForm {...rest} node={node} />;
    case 'update_contact':
      return <UpdateContactForm {...rest} node={node} />;
    case 'webhook':
      return <WebhookForm {...rest} node={node} />;
    case 'handoff':
      return <HandoffForm {...rest} node={node} />;
    case 'exit':
      return <ExitForm {...rest} node={node} />;
    default:
      return assertNever(node);
  }
}

function assertNever(node: never): never {
  throw new Error(`No form for step type ${(node as { type: string }).type}`);
}
