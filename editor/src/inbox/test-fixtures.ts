import type { HandoffDetail, HandoffList, HandoffSummary } from './api';

/** Fixtures for the inbox's DOM tests: a Mexican shop's sales queue. */
export const ME = { id: 'u-ana', email: 'ana@tiendasol.mx', name: 'Ana' };

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
const hoursFromNow = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

export function summary(overrides: Partial<HandoffSummary> = {}): HandoffSummary {
  return {
    id: 'h-marisol',
    queue: 'ventas',
    status: 'open',
    result: null,
    createdAt: minutesAgo(12),
    waitingSeconds: 12 * 60 + 5,
    firstResponseAt: null,
    closedAt: null,
    waitsForAgent: true,
    channel: 'whatsapp',
    note: 'Tiene dudas sobre su carrito de $1,450.00: https://t.mx/k',
    contact: { id: 'c-marisol', name: 'Marisol Pérez', phone: '+5215512345678', email: null },
    journey: { id: 'j-cart', name: 'Carrito con ventas' },
    assignee: null,
    lastInbound: {
      channel: 'whatsapp',
      text: 'Tengo dudas',
      buttonId: 'help',
      at: minutesAgo(12),
    },
    ...overrides,
  };
}

export const BETO = summary({
  id: 'h-beto',
  createdAt: minutesAgo(3),
  waitingSeconds: 130,
  firstResponseAt: minutesAgo(1),
  status: 'assigned',
  contact: { id: 'c-beto', name: 'Beto Ramírez', phone: '+5213312345678', email: null },
  assignee: { id: 'u-luis', email: 'luis@tiendasol.mx', name: 'Luis' },
  lastInbound: { channel: 'whatsapp', text: '¿Tienen talla M?', buttonId: null, at: minutesAgo(3) },
  queue: 'default',
  journey: { id: 'j-faq', name: 'Preguntas frecuentes' },
});

export function list(items: HandoffSummary[]): HandoffList {
  const queues = [...new Set(items.map((h) => h.queue))].sort().map((queue) => ({
    queue,
    open: items.filter((h) => h.queue === queue && h.status === 'open').length,
    assigned: items.filter((h) => h.queue === queue && h.status === 'assigned').length,
  }));
  return { items, queues, unassigned: queues.reduce((sum, q) => sum + q.open, 0) };
}

export function detail(overrides: Partial<HandoffDetail> = {}): HandoffDetail {
  return {
    ...summary(),
    event: {
      name: 'cart_abandoned',
      properties: {
        cart_id: 'K-1001',
        cart_total: '$1,450.00',
        item_count: 2,
        cart_url: 'https://t.mx/k',
        coupon: 'VERANO10',
      },
    },
    run: {
      id: 'r-1',
      status: 'active',
      outcome: null,
      path: [
        {
          nodeId: 'trigger',
          at: minutesAgo(20),
          name: { es: 'Entrada', pt: 'Entrada', en: 'Entry' },
          port: null,
        },
        {
          nodeId: 'send_cart',
          at: minutesAgo(20),
          name: { es: 'Recordar el carrito', pt: 'Recordar el carrito', en: 'Recordar el carrito' },
          port: { es: 'enviado', pt: 'enviada', en: 'sent' },
        },
        {
          nodeId: 'wait_cart',
          at: minutesAgo(12),
          name: { es: '¿Qué hizo?', pt: '¿Qué hizo?', en: '¿Qué hizo?' },
          port: {
            es: 'tocó «Tengo dudas»',
            pt: 'tocou em «Tengo dudas»',
            en: 'tapped “Tengo dudas”',
          },
        },
      ],
    },
    conversation: [
      {
        id: 'm-1',
        at: minutesAgo(20),
        direction: 'out',
        channel: 'whatsapp',
        text: 'Hola Marisol, dejaste 2 productos en tu carrito ($1,450.00).',
        by: 'journey',
        agent: null,
        status: 'read',
        buttonId: null,
        journeyName: 'Carrito con ventas',
      },
      {
        id: 'i-1',
        at: minutesAgo(12),
        direction: 'in',
        channel: 'whatsapp',
        text: 'Tengo dudas',
        by: 'customer',
        agent: null,
        status: null,
        buttonId: 'help',
        journeyName: null,
      },
    ],
    notes: [],
    window: { open: true, closesAt: hoursFromNow(5) },
    ...overrides,
  };
}

let answers = 0;

/** The agent's answer as the conversation lists it once sent (each its own message id). */
export function agentAnswer(text: string) {
  answers += 1;
  return {
    id: `m-agent-${answers}`,
    at: new Date().toISOString(),
    direction: 'out' as const,
    channel: 'whatsapp' as const,
    text,
    by: 'agent' as const,
    agent: 'Ana',
    status: 'sent',
    buttonId: null,
    journeyName: 'Carrito con ventas',
  };
}
