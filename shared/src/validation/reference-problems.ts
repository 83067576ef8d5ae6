import { predecessorsOf, reachableFrom, successorsOf } from '../graph/graph';
import { TRIGGER_NODE_ID } from '../model/ids';
import { MESSAGE_SIGNAL_KINDS, type WaitSignalKind } from '../nodes/wait-for';
import { usableEdges } from './graph-problems';
import { field, type JourneyView, stepName } from './journey-view';
import { nodePath, type ValidationProblem } from './problem';

/**
 * A `wait_for` about a message needs a send before it: the one named by `messageNodeId`,
 * or (by default) any send on the way to it.
 */
export function referenceProblems(view: JourneyView): ValidationProblem[] {
  const allEdges = usableEdges(view);
  const edges = allEdges.filter((edge) => edge.source !== TRIGGER_NODE_ID);
  const hasIncoming = new Set(allEdges.map((edge) => edge.target));
  const predecessors = predecessorsOf(successorsOf(view.nodes.keys(), edges));
  const isSend = (id: string) => view.nodes.get(id)?.type === 'send';
  const problems: ValidationProblem[] = [];
  for (const node of view.nodes.values()) {
    if (node.type !== 'wait_for') continue;
    const before = reachableFrom(predecessors.get(node.id) ?? [], predecessors);
    const messageNodeId = field(node.raw, 'messageNodeId');
    if (typeof messageNodeId === 'string') {
      const path = nodePath(node.id, 'messageNodeId');
      const message = stepName(view, messageNodeId);
      if (!isSend(messageNodeId)) {
        problems.push({
          code: 'unknown_message_node',
          nodeId: node.id,
          path,
          message: {
            es: `«${message.es}» no es un paso de envío; elige el mensaje cuya respuesta se espera.`,
            pt: `«${message.pt}» não é uma etapa de envio; escolha a mensagem cuja resposta se espera.`,
            en: `"${message.en}" is not a send step; choose the message whose response to wait for.`,
          },
        });
      } else if (!before.has(messageNodeId)) {
        problems.push({
          code: 'message_node_not_before',
          nodeId: node.id,
          path,
          message: {
            es: `El mensaje «${message.es}» no se envía antes de esta espera en ningún camino.`,
            pt: `A mensagem «${message.pt}» não é enviada antes desta espera em nenhum caminho.`,
            en: `The message "${message.en}" is not sent before this wait on any path.`,
          },
        });
      }
      continue;
    }
    // A step nothing leads to is already 'unreachable_node'.
    if (hasIncoming.has(node.id) && messageSignals(node.raw) && ![...before].some(isSend)) {
      problems.push({
        code: 'no_message_to_wait_for',
        nodeId: node.id,
        path: nodePath(node.id, 'signals'),
        message: {
          es: 'Esta espera escucha respuestas, aperturas o clics, pero antes no se envía ningún mensaje.',
          pt: 'Esta espera aguarda respostas, aberturas ou cliques, mas nenhuma mensagem é enviada antes dela.',
          en: 'This wait listens for replies, opens or clicks, but no message is sent before it.',
        },
      });
    }
  }
  return problems;
}

function messageSignals(raw: unknown): boolean {
  const signals = field(raw, 'signals');
  return (
    Array.isArray(signals) &&
    signals.some((signal) => MESSAGE_SIGNAL_KINDS.includes(field(signal, 'kind') as WaitSignalKind))
  );
}
