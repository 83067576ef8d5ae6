import {
  type JourneyDefinition,
  type MessageButton,
  predecessorsOf,
  type SendNode,
  successorsOf,
  TIMEOUT_PORT,
  type WaitForNode,
  type WaitSignal,
  type WaitSignalKind,
} from '@ruta/shared';
import { slugify, uniquePort } from './ports';

const kindPorts: Record<Exclude<WaitSignalKind, 'reply' | 'event'>, string> = {
  open: 'opened',
  click: 'clicked',
  delivered: 'delivered',
  read: 'read',
};

/** The output name a signal gets by default: 'tapped_buy', 'replied_yes', 'opened', 'order_placed'. */
export function autoSignalPort(signal: WaitSignal, others: readonly string[]): string {
  const taken = [...others, TIMEOUT_PORT];
  switch (signal.kind) {
    case 'reply': {
      const match = signal.match;
      if (match?.buttonId) return uniquePort(`tapped_${slugify(match.buttonId)}`, taken);
      if (match?.intent === 'opt_out') return uniquePort('opted_out', taken);
      if (match?.intent) return uniquePort(`replied_${match.intent}`, taken);
      const keyword = match?.keywords?.[0];
      if (keyword && slugify(keyword)) return uniquePort(`replied_${slugify(keyword)}`, taken);
      return uniquePort('replied', taken);
    }
    case 'event':
      return uniquePort(slugify(signal.event) || 'event', taken);
    default:
      return uniquePort(kindPorts[signal.kind], taken);
  }
}

/** `next`, with its port following the change when the port was still the automatic one. */
export function updateSignal(
  prev: WaitSignal,
  next: WaitSignal,
  others: readonly string[],
): WaitSignal {
  if (prev.port !== autoSignalPort(prev, others) || next.port !== prev.port) return next;
  return { ...next, port: autoSignalPort(next, others) };
}

/** A signal of another kind, keeping a hand-written port name. */
export function signalOfKind(kind: WaitSignalKind, port: string): WaitSignal {
  switch (kind) {
    case 'reply':
      return { port, kind };
    case 'event':
      return { port, kind, event: '', filters: [], scope: 'entry_key' };
    default:
      return { port, kind };
  }
}

/** The send steps a wait can listen to: the one it names, or else those that can run before it. */
export function sendsBefore(id: string, definition: JourneyDefinition): Array<[string, SendNode]> {
  const ids = Object.keys(definition.nodes);
  const predecessors = predecessorsOf(successorsOf(ids, definition.edges));
  const seen = new Set<string>();
  const queue = [...(predecessors.get(id) ?? [])];
  while (queue.length > 0) {
    const current = queue.shift() as string;
    if (seen.has(current)) continue;
    seen.add(current);
    queue.push(...(predecessors.get(current) ?? []));
  }
  return [...seen].flatMap((nodeId) => {
    const node = definition.nodes[nodeId];
    return node?.type === 'send' ? [[nodeId, node] as [string, SendNode]] : [];
  });
}

/** Buttons a reply may be matched on: those of the referenced send, or of the sends before. */
export function buttonChoices(
  id: string,
  node: WaitForNode,
  definition: JourneyDefinition,
): MessageButton[] {
  const referenced = node.messageNodeId ? definition.nodes[node.messageNodeId] : undefined;
  const sends =
    referenced?.type === 'send'
      ? [referenced]
      : sendsBefore(id, definition).map(([, send]) => send);
  const buttons = new Map<string, MessageButton>();
  for (const send of sends) {
    for (const button of [
      ...(send.content.whatsapp?.buttons ?? []),
      ...(send.content.rcs?.buttons ?? []),
    ]) {
      if (!buttons.has(button.id)) buttons.set(button.id, button);
    }
  }
  return [...buttons.values()];
}
