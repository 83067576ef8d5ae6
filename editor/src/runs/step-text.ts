import type { TFunction } from 'i18next';
import type { RunStep } from '../api/models';

/** One timeline line in the marketer's words: what happened and why. */
export function stepText(t: TFunction, step: RunStep, nodeName: (id: string) => string): string {
  const d = step.detail as Record<string, unknown>;
  const when = (iso: unknown) => (typeof iso === 'string' ? new Date(iso).toLocaleString() : '');
  switch (step.kind) {
    case 'entered':
      return t('runs.steps.entered') + (d.event ? ` (${String(d.event)})` : '');
    case 'visited':
      return t('runs.steps.visited', { node: nodeName(step.node_id) });
    case 'took': {
      const why =
        d.kind === 'reply'
          ? ` — «${String(d.text ?? d.buttonId ?? '')}»`
          : d.event
            ? ` — ${String(d.event)}`
            : d.variant
              ? ` — ${String(d.variant)}`
              : d.label
                ? ` — ${String(d.label)}`
                : '';
      return t('runs.steps.took', { port: step.port }) + why;
    }
    case 'message':
      return (
        t('runs.steps.message', { status: String(d.status), channel: String(d.channel ?? '') }) +
        (d.why ? ` — ${t(`runs.steps.retry.${String(d.why)}`)}` : '') +
        (d.status === 'unknown' ? ` — ${t('runs.steps.unknown')}` : '') +
        (d.reasons ? ` — ${JSON.stringify(d.reasons)}` : '')
      );
    case 'deferred':
      return t('runs.steps.deferred', { reason: String(d.reason), until: when(d.until) });
    case 'waiting':
      return (
        t('runs.steps.waiting', { until: when(d.until) }) +
        (Array.isArray(d.ports) ? ` (${d.ports.join(', ')})` : '')
      );
    case 'signal':
      return (
        t('runs.steps.signal', { kind: String(d.kind) }) +
        (d.text
          ? ` «${String(d.text)}»`
          : d.buttonId
            ? ` [${String(d.buttonId)}]`
            : d.name
              ? ` ${String(d.name)}`
              : '') +
        (d.routedBy ? ` — ${t(`runs.steps.routedBy.${String(d.routedBy)}`)}` : '')
      );
    case 'goal':
      return t('runs.steps.goal', { event: String(d.event) });
    case 'webhook':
      return t('runs.steps.webhook', { status: String(d.status ?? d.skipped ?? d.error ?? '') });
    case 'ended':
      return t('runs.steps.ended', { outcome: String(d.outcome) });
    default:
      return t(`runs.steps.${step.kind}`, { defaultValue: step.kind });
  }
}
