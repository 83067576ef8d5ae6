import { z } from 'zod';
import type { Localized } from '../model/localized';
import * as branch from './branch';
import * as exit from './exit';
import * as handoff from './handoff';
import * as send from './send';
import * as split from './split';
import * as updateContact from './update-contact';
import * as wait from './wait';
import * as waitFor from './wait-for';
import * as webhook from './webhook';

export { BranchCase, BranchNode, ELSE_PORT } from './branch';
export { CONVERTED_OUTCOME, EXIT_OUTCOMES, ExitNode, outcomeLabel } from './exit';
export { HandoffNode } from './handoff';
export { DEFAULT_HANDOFF_TIMEOUT, HANDOFF_RESULTS, type HandoffResult } from './handoff-defaults';
export { SendNode } from './send';
export * from './send-content';
export { SplitNode, SplitVariant } from './split';
export { ConsentChange, UpdateContactNode } from './update-contact';
export { WaitNode, WaitUntil } from './wait';
export {
  EventSignal,
  MESSAGE_SIGNAL_KINDS,
  ReplySignal,
  TIMEOUT_PORT,
  WaitForNode,
  WaitSignal,
  type WaitSignalKind,
} from './wait-for';
export { WebhookNode } from './webhook';

export const JourneyNode = z.discriminatedUnion('type', [
  send.SendNode,
  wait.WaitNode,
  waitFor.WaitForNode,
  branch.BranchNode,
  split.SplitNode,
  updateContact.UpdateContactNode,
  webhook.WebhookNode,
  handoff.HandoffNode,
  exit.ExitNode,
]);
export type JourneyNode = z.infer<typeof JourneyNode>;
export type NodeType = JourneyNode['type'];
export type NodeOfType<T extends NodeType> = Extract<JourneyNode, { type: T }>;

export type NodeKind<N extends JourneyNode> = {
  schema: z.ZodType<N>;
  outputPorts: (node: N) => string[];
  /** The kind's name in the palette. */
  label: Localized;
};

/** Everything shared/ knows per node kind, by `type` (schemas keep their concrete zod types). */
export const nodeKinds = {
  send: {
    schema: send.SendNode,
    outputPorts: send.outputPorts,
    label: { es: 'Enviar mensaje', pt: 'Enviar mensagem', en: 'Send message' },
  },
  wait: {
    schema: wait.WaitNode,
    outputPorts: wait.outputPorts,
    label: { es: 'Esperar', pt: 'Esperar', en: 'Wait' },
  },
  wait_for: {
    schema: waitFor.WaitForNode,
    outputPorts: waitFor.outputPorts,
    label: { es: 'Esperar respuesta', pt: 'Esperar resposta', en: 'Wait for a signal' },
  },
  branch: {
    schema: branch.BranchNode,
    outputPorts: branch.outputPorts,
    label: { es: 'Condición', pt: 'Condição', en: 'Branch' },
  },
  split: {
    schema: split.SplitNode,
    outputPorts: split.outputPorts,
    label: { es: 'Prueba A/B', pt: 'Teste A/B', en: 'A/B split' },
  },
  update_contact: {
    schema: updateContact.UpdateContactNode,
    outputPorts: updateContact.outputPorts,
    label: { es: 'Actualizar contacto', pt: 'Atualizar contato', en: 'Update contact' },
  },
  webhook: {
    schema: webhook.WebhookNode,
    outputPorts: webhook.outputPorts,
    label: { es: 'Webhook', pt: 'Webhook', en: 'Webhook' },
  },
  handoff: {
    schema: handoff.HandoffNode,
    outputPorts: handoff.outputPorts,
    label: {
      es: 'Pasar a un agente',
      pt: 'Transferir para um atendente',
      en: 'Hand off to an agent',
    },
  },
  exit: {
    schema: exit.ExitNode,
    outputPorts: exit.outputPorts,
    label: { es: 'Salir', pt: 'Saída', en: 'Exit' },
  },
} satisfies { [T in NodeType]: NodeKind<NodeOfType<T>> };

export const NODE_TYPES = Object.keys(nodeKinds) as NodeType[];

export function isNodeType(value: unknown): value is NodeType {
  return typeof value === 'string' && Object.hasOwn(nodeKinds, value);
}

/** The node's outputs, in the order the canvas shows its handles. */
export function outputPortsOf(node: JourneyNode): string[] {
  const kind = nodeKinds[node.type] as unknown as NodeKind<JourneyNode>;
  return kind.outputPorts(node);
}

export { nodeSummary } from './node-summary';
export { type NodeLookup, portLabel } from './port-labels';
