/** The contact as the platform stores it; attributes are free-form per workspace. */
export type TemplateContact = {
  id: string;
  externalId?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  phone?: string | null;
  email?: string | null;
  locale?: string | null;
  timeZone?: string | null;
  attributes?: Record<string, unknown>;
};

export type TemplateEvent = { name: string; properties?: Record<string, unknown> };

export type TemplateContext = {
  contact: Record<string, unknown>;
  event?: Record<string, unknown>;
  journey: { name: string };
};

/**
 * What templates see: `contact.first_name` and the other fields in snake_case, with the contact's
 * attributes alongside (`contact.plan`); `event.*` = the trigger event's properties plus
 * `event.name`; `journey.name`. Built-in fields win over attributes with the same name.
 */
export function buildTemplateContext(input: {
  contact: TemplateContact;
  event?: TemplateEvent | null;
  journey: { name: string };
}): TemplateContext {
  const { contact, event, journey } = input;
  const name = [contact.firstName, contact.lastName].filter((part) => part).join(' ');
  const context: TemplateContext = {
    contact: {
      ...contact.attributes,
      id: contact.id,
      external_id: contact.externalId ?? null,
      first_name: contact.firstName ?? null,
      last_name: contact.lastName ?? null,
      name: name === '' ? null : name,
      phone: contact.phone ?? null,
      email: contact.email ?? null,
      locale: contact.locale ?? null,
      time_zone: contact.timeZone ?? null,
    },
    journey: { name: journey.name },
  };
  if (event) context.event = { ...event.properties, name: event.name };
  return context;
}
