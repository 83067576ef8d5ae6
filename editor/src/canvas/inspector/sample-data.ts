import {
  buildTemplateContext,
  type Localized,
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

/** The Brazilian customer a Portuguese editor previews for. */
export const SAMPLE_CONTACT_BR: TemplateContact = {
  id: 'contact_sample',
  externalId: 'cliente-1042',
  firstName: 'Ana',
  lastName: 'Souza',
  phone: '+55 11 91234-5678',
  email: 'ana.souza@example.com',
  locale: 'pt-BR',
  timeZone: 'America/Sao_Paulo',
  attributes: { city: 'São Paulo', plan: 'ouro', last_order_at: '2025-03-14' },
};

/** A sample cart, named after the trigger's event. */
export const SAMPLE_EVENT_PROPERTIES: Record<string, unknown> = {
  cart_id: 'C-1042',
  cart_url: 'https://tu-tienda.example/carrito/C-1042',
  cart_total: '$1,299.00',
  item_count: 3,
  currency: 'MXN',
};

const SAMPLE_EVENT_PROPERTIES_BR: Record<string, unknown> = {
  cart_id: 'C-1042',
  cart_url: 'https://sua-loja.example/carrinho/C-1042',
  cart_total: 'R$ 249,90',
  item_count: 3,
  currency: 'BRL',
};

/** Who the preview is for: a Brazilian customer in Portuguese, Lucía in Spanish and English. */
export function sampleContact(lang: keyof Localized): TemplateContact {
  return lang === 'pt' ? SAMPLE_CONTACT_BR : SAMPLE_CONTACT;
}

export function sampleEvent(trigger: Trigger, lang: keyof Localized = 'es'): TemplateEvent | null {
  if (trigger.kind !== 'event') return null;
  const properties = { ...(lang === 'pt' ? SAMPLE_EVENT_PROPERTIES_BR : SAMPLE_EVENT_PROPERTIES) };
  if (trigger.entryKey && !(trigger.entryKey in properties)) {
    properties[trigger.entryKey] = `${trigger.entryKey}-1042`;
  }
  return { name: trigger.event || 'cart_abandoned', properties };
}

/** What templates see in the preview: the sample contact, and a sample cart for event journeys. */
export function previewContext(
  trigger: Trigger,
  journeyName: string,
  lang: keyof Localized = 'es',
): TemplateContext {
  return buildTemplateContext({
    contact: sampleContact(lang),
    event: sampleEvent(trigger, lang),
    journey: { name: journeyName },
  });
}
