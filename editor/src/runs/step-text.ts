import {
  EXIT_OUTCOMES,
  eventNoun,
  type JourneyDefinition,
  portLabel,
  TRIGGER_NODE_ID,
} from '@ruta/shared';
import type { TFunction } from 'i18next';
import type { RunStep } from '../api/models';
import type { Lang } from '../i18n/index';

/** What a timeline line needs to say things by their names, not their codes. */
export interface StepWords {
  t: TFunction;
  lang: Lang;
  journey: JourneyDefinition;
  nodeName: (id: string) => string;
}

/** An output by the words the canvas shows on it ('tocó «Comprar»', 'sin respuesta en 24 h'). */
export function portWords(words: StepWords, nodeId: string, port: string): string {
  const node = words.journey.nodes[nodeId];
  if (!node) return nodeId === TRIGGER_NODE_ID ? words.t('runs.words.started') : port;
  return portLabel(node, port, words.journey)[words.lang];
}

/** An event by its words («compra», «carrito abandonado»), never by its code. */
function eventWords(words: StepWords, name: unknown): string {
  return eventNoun(String(name))[words.lang];
}

/** A tapped button by its text on the message, else its id. */
function buttonWords(words: StepWords, buttonId: unknown): string {
  for (const node of Object.values(words.journey.nodes)) {
    if (node.type !== 'send') continue;
    const buttons = [
      ...(node.content.whatsapp?.buttons ?? []),
      ...(node.content.rcs?.buttons ?? []),
    ];
    const button = buttons.find((candidate) => candidate.id === buttonId);
    if (button) return button.text;
  }
  return String(buttonId);
}

/** A code from the engine in words; an unknown one reads as the generic word, never as the code. */
function word(t: TFunction, group: string, code: unknown): string {
  return t(`runs.words.${group}.${String(code)}`, { defaultValue: t(`runs.words.${group}.any`) });
}

/** One timeline line in the marketer's words: what happened and why. */
export function stepText(words: StepWords, step: RunStep): string {
  const { t, nodeName } = words;
  const d = step.detail as Record<string, unknown>;
  const when = (iso: unknown) => (typeof iso === 'string' ? new Date(iso).toLocaleString() : '');
  const channel = (c: unknown) => word(t, 'channel', c);
  switch (step.kind) {
    case 'entered':
      return t('runs.steps.entered') + (d.event ? ` (${eventWords(words, d.event)})` : '');
    case 'visited':
      return t('runs.steps.visited', { node: nodeName(step.node_id) });
    case 'took': {
      const why =
        d.kind === 'reply'
          ? ` — «${d.text !== undefined ? String(d.text) : buttonWords(words, d.buttonId)}»`
          : d.event
            ? ` — ${eventWords(words, d.event)}`
            : '';
      const port = step.port ? portWords(words, step.node_id, step.port) : '';
      return t('runs.steps.took', { port }) + why;
    }
    case 'message': {
      const reasons = Array.isArray(d.reasons)
        ? (d.reasons as { channel?: unknown; reason?: unknown }[])
            .map((r) => `${channel(r.channel)}: ${word(t, 'failure', r.reason)}`)
            .join('; ')
        : '';
      return (
        t('runs.steps.message', {
          status: word(t, 'messageStatus', d.status),
          channel: channel(d.channel),
        }) +
        (d.why ? ` — ${t(`runs.steps.retry.${String(d.why)}`)}` : '') +
        (d.status === 'unknown' ? ` — ${t('runs.steps.unknown')}` : '') +
        (reasons ? ` — ${reasons}` : '')
      );
    }
    case 'deferred':
      return t('runs.steps.deferred', {
        reason: word(t, 'deferReason', d.reason),
        until: when(d.until),
      });
    case 'waiting':
      return (
        t('runs.steps.waiting', { until: when(d.until) }) +
        (Array.isArray(d.ports)
          ? ` (${d.ports.map((p) => portWords(words, step.node_id, String(p))).join(', ')})`
          : '')
      );
    case 'signal':
      return (
        t('runs.steps.signal', { kind: word(t, 'signal', d.kind) }) +
        (d.text
          ? ` «${String(d.text)}»`
          : d.buttonId
            ? ` «${buttonWords(words, d.buttonId)}»`
            : d.name
              ? ` ${eventWords(words, d.name)}`
              : '') +
        (d.routedBy ? ` — ${t(`runs.steps.routedBy.${String(d.routedBy)}`)}` : '')
      );
    case 'goal':
      return t('runs.steps.goal', { event: eventWords(words, d.event) });
    case 'webhook':
      return t('runs.steps.webhook', { status: String(d.status ?? d.skipped ?? d.error ?? '') });
    case 'ended':
      return t('runs.steps.ended', { outcome: outcomeWords(words, step.node_id, d.outcome) });
    default:
      return t(`runs.steps.${step.kind}`, { defaultValue: t('runs.words.step') });
  }
}

/** How a run ended: the exit step's name when it ended on one, else the engine's outcome in words. */
export function outcomeWords(words: StepWords, nodeId: string | null, outcome: unknown): string {
  const node = nodeId ? words.journey.nodes[nodeId] : undefined;
  if (node?.type === 'exit' && node.name) return node.name;
  const known = EXIT_OUTCOMES[String(outcome)];
  return known ? known[words.lang] : word(words.t, 'outcome', outcome);
}

/** What a run waits for, in words: the outputs it can leave by, or the reason it is held. */
export function waitingWords(
  words: StepWords,
  waiting: { kind: string; nodeId: string; ports?: string[] | undefined },
): string {
  if (waiting.ports?.length)
    return waiting.ports.map((p) => portWords(words, waiting.nodeId, p)).join(', ');
  return word(words.t, 'waiting', waiting.kind);
}
