import {
  CONTACT_FIELDS,
  type Condition,
  type JourneyDefinition,
  liquidSources,
  templateVariables,
} from '@ruta/shared';

/** Event properties most commerce events carry; offered even before a template uses them. */
export const COMMON_EVENT_PROPERTIES = ['cart_url', 'cart_total', 'item_count'] as const;

export interface JourneyVariables {
  /** `contact.*`: the built-in fields, then attributes this journey reads or writes. */
  contact: string[];
  /** `event.*`, only when the journey starts with an event. */
  event: string[];
  journey: string[];
}

function conditionsOf(definition: JourneyDefinition): Condition[] {
  const { trigger, settings } = definition;
  const conditions: Condition[] = [...(settings.goal?.filters ?? [])];
  if (trigger.kind === 'event') conditions.push(...trigger.filters);
  if (trigger.kind === 'segment' || trigger.kind === 'schedule') {
    conditions.push(...trigger.conditions);
  }
  for (const node of Object.values(definition.nodes)) {
    if (node.type === 'branch') conditions.push(...node.cases.flatMap((c) => c.conditions));
    if (node.type === 'wait_for') {
      for (const signal of node.signals)
        if (signal.kind === 'event') conditions.push(...signal.filters);
    }
  }
  return conditions;
}

/** Contact attributes the journey writes (update_contact, a saved reply) or reads (conditions, waits). */
export function journeyAttributes(definition: JourneyDefinition): string[] {
  const found = new Set<string>();
  for (const node of Object.values(definition.nodes)) {
    if (node.type === 'update_contact') {
      for (const key of [...Object.keys(node.set), ...node.unset]) found.add(key);
    }
    if (node.type === 'wait_for') {
      for (const signal of node.signals) {
        if (signal.kind === 'reply' && signal.saveAs) found.add(signal.saveAs);
      }
    }
    if (node.type === 'wait' && node.until.kind === 'date_attribute' && node.until.attribute) {
      found.add(node.until.attribute);
    }
  }
  for (const condition of conditionsOf(definition)) {
    if (condition.source === 'contact' && condition.field) found.add(condition.field);
  }
  for (const path of usedPaths(definition)) {
    const [root, name] = path.split('.');
    if (root === 'contact' && name) found.add(name);
  }
  const builtIn = new Set<string>(CONTACT_FIELDS);
  return [...found].filter((name) => !builtIn.has(name)).sort();
}

/** Event properties the journey uses: in templates, conditions and the entry key. */
export function journeyEventProperties(definition: JourneyDefinition): string[] {
  const found = new Set<string>();
  const { trigger } = definition;
  if (trigger.kind === 'event' && trigger.entryKey) found.add(trigger.entryKey);
  for (const condition of conditionsOf(definition)) {
    if (condition.source === 'event' && condition.field) found.add(condition.field);
  }
  for (const path of usedPaths(definition)) {
    const [root, name] = path.split('.');
    if (root === 'event' && name) found.add(name);
  }
  return [...found].sort();
}

function usedPaths(definition: JourneyDefinition): string[] {
  return Object.values(definition.nodes).flatMap((node) =>
    liquidSources(node).flatMap((source) => templateVariables(source)),
  );
}

/** What the variable picker offers for this journey. */
export function journeyVariables(definition: JourneyDefinition): JourneyVariables {
  const contact = [...CONTACT_FIELDS, ...journeyAttributes(definition)];
  const event =
    definition.trigger.kind === 'event'
      ? unique(['name', ...COMMON_EVENT_PROPERTIES, ...journeyEventProperties(definition)])
      : [];
  return { contact, event, journey: ['name'] };
}

/** Event names the journey mentions: its trigger, its goal and the events it waits for. */
export function journeyEvents(definition: JourneyDefinition): string[] {
  const found = new Set<string>();
  if (definition.trigger.kind === 'event' && definition.trigger.event) {
    found.add(definition.trigger.event);
  }
  if (definition.settings.goal?.event) found.add(definition.settings.goal.event);
  for (const node of Object.values(definition.nodes)) {
    if (node.type !== 'wait_for') continue;
    for (const signal of node.signals)
      if (signal.kind === 'event' && signal.event) found.add(signal.event);
  }
  return unique([...found, 'cart_abandoned', 'order_placed', 'lead_created']);
}

export function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}
