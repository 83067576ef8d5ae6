import { formatDuration } from '../model/duration';
import type { Localized } from '../model/localized';
import type { JourneyNode } from './index';
import type { SendNode } from './send';
import { TIMEOUT_PORT, type WaitForNode, type WaitSignal } from './wait-for';

/** Enough of a journey to look up the buttons a `wait_for` refers to. */
export type NodeLookup = { nodes: Record<string, JourneyNode> };

const fixedLabels: Record<string, Localized> = {
  sent: { es: 'enviado', en: 'sent' },
  failed: { es: 'falló', en: 'failed' },
  next: { es: 'después', en: 'next' },
  success: { es: 'respondió bien', en: 'succeeded' },
  failure: { es: 'falló', en: 'failed' },
};

const same = (text: string): Localized => ({ es: text, en: text });

/** The marketer's words for one output of a node, e.g. 'tocó «Comprar»', 'sin respuesta en 24 h'. */
export function portLabel(node: JourneyNode, port: string, journey?: NodeLookup): Localized {
  switch (node.type) {
    case 'wait_for':
      return waitForPortLabel(node, port, journey);
    case 'branch': {
      const branchCase = node.cases.find((candidate) => candidate.port === port);
      if (branchCase) return same(branchCase.label ?? branchCase.port);
      return port === 'else' ? { es: 'si no', en: 'otherwise' } : same(port);
    }
    case 'split': {
      const variant = node.variants.find((candidate) => candidate.port === port);
      if (!variant) return same(port);
      const name = variant.label ?? variant.port;
      return {
        es: `${name} · ${String(variant.percent).replace('.', ',')} %`,
        en: `${name} · ${variant.percent}%`,
      };
    }
    default:
      return (Object.hasOwn(fixedLabels, port) ? fixedLabels[port] : undefined) ?? same(port);
  }
}

function waitForPortLabel(node: WaitForNode, port: string, journey?: NodeLookup): Localized {
  if (port === TIMEOUT_PORT) {
    const after = formatDuration(node.timeout);
    const onlyEvents = node.signals.every((signal) => signal.kind === 'event');
    return onlyEvents
      ? { es: `no ocurrió en ${after.es}`, en: `didn't happen in ${after.en}` }
      : { es: `sin respuesta en ${after.es}`, en: `no reply in ${after.en}` };
  }
  const signal = node.signals.find((candidate) => candidate.port === port);
  return signal ? signalLabel(signal, node, journey) : same(port);
}

function signalLabel(signal: WaitSignal, node: WaitForNode, journey?: NodeLookup): Localized {
  switch (signal.kind) {
    case 'reply': {
      const match = signal.match;
      if (match?.buttonId !== undefined) {
        const text = buttonText(match.buttonId, node, journey) ?? match.buttonId;
        return { es: `tocó «${text}»`, en: `tapped "${text}"` };
      }
      if (match?.intent === 'yes') return { es: 'respondió «sí»', en: 'replied "yes"' };
      if (match?.intent === 'no') return { es: 'respondió «no»', en: 'replied "no"' };
      if (match?.intent === 'opt_out') return { es: 'pidió la baja', en: 'opted out' };
      if (match?.keywords && match.keywords.length > 0) {
        return {
          es: `respondió ${match.keywords.map((word) => `«${word}»`).join(' o ')}`,
          en: `replied ${match.keywords.map((word) => `"${word}"`).join(' or ')}`,
        };
      }
      return { es: 'respondió', en: 'replied' };
    }
    case 'open':
      return { es: 'abrió', en: 'opened' };
    case 'click':
      return { es: 'hizo clic', en: 'clicked' };
    case 'delivered':
      return { es: 'entregado', en: 'delivered' };
    case 'read':
      return { es: 'leyó', en: 'read' };
    case 'event':
      return { es: `${signal.event} ocurrió`, en: `${signal.event} happened` };
  }
}

/** The text of the button, from the send the wait refers to, or else any send that has it. */
function buttonText(buttonId: string, node: WaitForNode, journey?: NodeLookup): string | undefined {
  if (!journey) return undefined;
  const sends = Object.entries(journey.nodes).filter(
    (entry): entry is [string, SendNode] => entry[1].type === 'send',
  );
  const referenced = sends.filter(([id]) => id === node.messageNodeId);
  for (const [, send] of [...referenced, ...sends]) {
    const buttons = [
      ...(send.content.whatsapp?.buttons ?? []),
      ...(send.content.rcs?.buttons ?? []),
    ];
    const button = buttons.find((candidate) => candidate.id === buttonId);
    if (button) return button.text;
  }
  return undefined;
}
