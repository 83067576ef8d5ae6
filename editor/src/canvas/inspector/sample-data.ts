import {
  buildTemplateContext,
  type TemplateContact,
  type TemplateContext,
  type TemplateEvent,
  type Trigger,
} from '@ruta/shared';

/** The contact every preview renders for. */
export const SAMPLE_CONTACT: TemplateContact = {
  id: 'contact_sample',
  externalId: 'cliente-1042',
  firstName: 'Lucía',
  lastName: 'Hernández',
  phone: '+52 55 1234 5678',
  email: 'lucia.hernandez@example.com',
  locale: 'es-MX',
  timeZone: 'America/Mexico_City',
  attributes: { city: 'Ciudad de México', plan: 'oro', last_order_at: '2025-03-14' },
};

/** A sample cart, named after the trigger's event. */
export const SAMPLE_EVENT_PROPERTIES: Record<string, unknown> = {
  cart_id: 'C-1042',
  cart_url: 'https://tu-tienda.example/carrito/C-1042',
  cart_total: '$1,299.00',
  item_count: 3,
  currency: 'MXN',
};

export function sampleEvent(trigger: Trigger): TemplateEvent | null {
  if (trigger.kind !== 'event') return null;
  const properties = { ...SAMPLE_EVENT_PROPERTIES };
  if (trigger.entryKey && !(trigger.entryKey in properties)) {
    properties[trigger.entryKey] = `${trigger.entryKey}-1042`;
  }
  return { name: trigger.event || 'cart_abandoned', properties };
}

/** What templates see in the preview: Lucía, and the sample cart for event journeys. */
export function previewContext(trigger: Trigger, journeyName: string): TemplateContext {
  return buildTemplateContext({
    contact: SAMPLE_CONTACT,
    event: sampleEvent(trigger),
    journey: { name: journeyName },
  });
}
