import { formatDuration } from '../model/duration';
import { eventHappened } from '../model/event-words';
import type { Localized } from '../model/localized';
import type { HandoffNode } from './handoff';
import { DEFAULT_HANDOFF_TIMEOUT } from './handoff-defaults';
import type { JourneyNode } from './index';
import type { SendNode } from './send';
import { TIMEOUT_PORT, type WaitForNode, type WaitSignal } from './wait-for';

/** Enough of a journey to look up the buttons a `wait_for` refers to. */
export type NodeLookup = { nodes: Record<string, JourneyNode> };

const fixedLabels: Record<string, Localized> = {
  sent: { es: 'enviado', pt: 'enviado', en: 'sent' },
  failed: { es: 'falló', pt: 'falhou', en: 'failed' },
  next: { es: 'después', pt: 'depois', en: 'next' },
  success: { es: 'respondió bien', pt: 'respondeu bem', en: 'succeeded' },
  failure: { es: 'falló', pt: 'falhou', en: 'failed' },
};

const same = (text: string): Localized => ({ es: text, pt: text, en: text });

/** The marketer's words for one output of a node, e.g. 'tocó «Comprar»', 'sin respuesta en 24 h'. */
export function portLabel(node: JourneyNode, port: string, journey?: NodeLookup): Localized {
  switch (node.type) {
    case 'wait_for':
      return waitForPortLabel(node, port, journey);
    case 'branch': {
      const branchCase = node.cases.find((candidate) => candidate.port === port);
      if (branchCase) return same(branchCase.label ?? branchCase.port);
      return port === 'else' ? { es: 'si no', pt: 'senão', en: 'otherwise' } : same(port);
    }
    case 'split': {
      const variant = node.variants.find((candidate) => candidate.port === port);
      if (!variant) return same(port);
      const name = variant.label ?? variant.port;
      return {
        es: `${name} · ${String(variant.percent).replace('.', ',')} %`,
        pt: `${name} · ${String(variant.percent).replace('.', ',')}%`,
        en: `${name} · ${variant.percent}%`,
      };
    }
    case 'handoff':
      return handoffPortLabel(node, port);
    default:
      return (Object.hasOwn(fixedLabels, port) ? fixedLabels[port] : undefined) ?? same(port);
  }
}

const handoffResults: Record<string, Localized> = {
  sold: { es: 'vendió', pt: 'vendeu', en: 'sold' },
  solved: { es: 'resuelto', pt: 'resolvido', en: 'solved' },
  no_sale: { es: 'sin venta', pt: 'sem venda', en: 'no sale' },
};

function handoffPortLabel(node: HandoffNode, port: string): Localized {
  if (port === TIMEOUT_PORT) {
    const after = formatDuration(node.timeout ?? DEFAULT_HANDOFF_TIMEOUT);
    return {
      es: `sin cerrar en ${after.es}`,
      pt: `não encerrada em ${after.pt}`,
      en: `not closed in ${after.en}`,
    };
  }
  return handoffResults[port] ?? fixedLabels[port] ?? same(port);
}

function waitForPortLabel(node: WaitForNode, port: string, journey?: NodeLookup): Localized {
  if (port === TIMEOUT_PORT) {
    const after = formatDuration(node.timeout);
    const onlyEvents = node.signals.every((signal) => signal.kind === 'event');
    return onlyEvents
      ? {
          es: `no ocurrió en ${after.es}`,
          pt: `não aconteceu em ${after.pt}`,
          en: `didn't happen in ${after.en}`,
        }
      : {
          es: `sin respuesta en ${after.es}`,
          pt: `sem resposta em ${after.pt}`,
          en: `no reply in ${after.en}`,
        };
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
        return { es: `tocó «${text}»`, pt: `tocou em «${text}»`, en: `tapped "${text}"` };
      }
      if (match?.intent === 'yes')
        return { es: 'respondió «sí»', pt: 'respondeu «sim»', en: 'replied "yes"' };
      if (match?.intent === 'no')
        return { es: 'respondió «no»', pt: 'respondeu «não»', en: 'replied "no"' };
      if (match?.intent === 'opt_out')
        return { es: 'pidió la baja', pt: 'pediu descadastro', en: 'opted out' };
      if (match?.keywords && match.keywords.length > 0) {
        return {
          es: `respondió ${match.keywords.map((word) => `«${word}»`).join(' o ')}`,
          pt: `respondeu ${match.keywords.map((word) => `«${word}»`).join(' ou ')}`,
          en: `replied ${match.keywords.map((word) => `"${word}"`).join(' or ')}`,
        };
      }
      return { es: 'respondió', pt: 'respondeu', en: 'replied' };
    }
    case 'open':
      return { es: 'abrió', pt: 'abriu', en: 'opened' };
    case 'click':
      return { es: 'hizo clic', pt: 'clicou', en: 'clicked' };
    case 'delivered':
      return { es: 'entregado', pt: 'entregue', en: 'delivered' };
    case 'read':
      return { es: 'leyó', pt: 'leu', en: 'read' };
    case 'event':
      return eventHappened(signal.event);
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
