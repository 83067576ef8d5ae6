import type { Condition } from '@ruta/shared/workflow';
import { buildTemplateContext, evaluateConditions } from '@ruta/shared/workflow';
import { engagementFacts } from './engagement';
import type { RunContext } from './run-context';

/** Contact, trigger event and engagement, shaped as conditions (and templates) see them. */
export function conditionContext(ctx: RunContext, event?: Record<string, unknown>) {
  const trigger = ctx.input.triggerEvent;
  const template = buildTemplateContext({
    contact: { ...ctx.contact, attributes: { ...ctx.contact.attributes, ...ctx.saved } },
    event: trigger ? { name: trigger.name, properties: trigger.properties } : null,
    journey: { name: ctx.input.journeyName },
  });
  return {
    contact: template.contact,
    event: event ?? template.event ?? null,
    engagement: engagementFacts(ctx),
    now: new Date(ctx.realNow()),
  };
}

export function holds(
  ctx: RunContext,
  conditions: readonly Condition[],
  event?: Record<string, unknown>,
) {
  return conditions.length === 0 || evaluateConditions(conditions, conditionContext(ctx, event));
}

/** For keyed journeys: does the event concern this run's entry (this cart)? */
export function concernsThisEntry(ctx: RunContext, properties: Record<string, unknown>): boolean {
  const trigger = ctx.definition.trigger;
  if (trigger.kind !== 'event' || !trigger.entryKey || ctx.input.entryKey === undefined)
    return true;
  const value = properties[trigger.entryKey];
  return value !== undefined && value !== null && String(value) === ctx.input.entryKey;
}
