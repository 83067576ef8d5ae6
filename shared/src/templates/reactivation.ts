import { connect, exitWith, type JourneyTemplate } from './build';

const store = 'https://tu-tienda.example';
const loja = 'https://sua-loja.example';

/** Daily sweep of customers with no order in 60 days: WhatsApp, then SMS, then an email coupon. */
export const reactivation: JourneyTemplate = {
  id: 'reactivation',
  name: {
    es: 'Reactivar clientes inactivos',
    pt: 'Reativar clientes inativos',
    en: 'Win back inactive customers',
  },
  description: {
    es: 'Cada día a las 10:00, a quien no compra hace 60 días: WhatsApp; si no lo lee ni responde en 48 h, SMS; si tampoco, un email con cupón. Si responde, lo atiende una persona.',
    pt: 'Todos os dias às 10:00, para quem não compra há 60 dias: WhatsApp; se não ler nem responder em 48 h, SMS; se ainda assim nada, um e-mail com cupom. Quem responde é atendido por uma pessoa.',
    en: 'Every day at 10:00, for customers with no order in 60 days: WhatsApp; if not read or answered in 48 h, SMS; if still nothing, an email with a coupon. Replies go to a person.',
  },
  definition: {
    schemaVersion: 1,
    trigger: {
      kind: 'schedule',
      every: 'day',
      at: '10:00',
      conditions: [{ source: 'contact', field: 'last_order_at', op: 'older_than_days', value: 60 }],
    },
    nodes: {
      send_whatsapp: {
        type: 'send',
        name: 'WhatsApp: te extrañamos',
        channel: 'whatsapp',
        fallbackChannels: [],
        content: {
          whatsapp: {
            template: {
              name: 'te_extranamos',
              language: 'es_MX',
              params: ['{{ contact.first_name }}'],
            },
            buttons: [],
          },
        },
      },
      wait_whatsapp: {
        type: 'wait_for',
        name: '¿Lo leyó o respondió?',
        messageNodeId: 'send_whatsapp',
        signals: [
          { port: 'replied', kind: 'reply' },
          { port: 'read', kind: 'read' },
        ],
        timeout: { amount: 48, unit: 'hours' },
      },
      send_sms: {
        type: 'send',
        name: 'SMS de respaldo',
        channel: 'sms',
        fallbackChannels: [],
        content: {
          sms: {
            text: `Hola {{ contact.first_name }}, hace tiempo que no te vemos. Mira lo nuevo: ${store}/novedades Responde BAJA para no recibir más.`,
          },
        },
      },
      wait_sms: {
        type: 'wait_for',
        name: '¿Respondió o hizo clic?',
        messageNodeId: 'send_sms',
        signals: [
          { port: 'replied', kind: 'reply' },
          { port: 'clicked', kind: 'click' },
        ],
        timeout: { amount: 48, unit: 'hours' },
      },
      send_email: {
        type: 'send',
        name: 'Email con cupón',
        channel: 'email',
        fallbackChannels: [],
        exitPorts: ['failed'],
        content: {
          email: {
            subject: '{{ contact.first_name }}, te guardamos un 15 % de descuento',
            html: `<p>Hola {{ contact.first_name }}:</p><p>Hace tiempo que no te vemos y queremos darte la bienvenida de vuelta. Usa el código <strong>VUELVE15</strong> y obtén un 15 % de descuento en tu próxima compra durante los próximos 14 días.</p><p><a href="${store}/?cupon=VUELVE15">Ir a la tienda</a></p>`,
            text: `Hola {{ contact.first_name }}: usa el código VUELVE15 y obtén un 15 % de descuento en tu próxima compra durante los próximos 14 días. ${store}/?cupon=VUELVE15`,
          },
        },
      },
      wait_email: {
        type: 'wait_for',
        name: '¿Abrió o hizo clic?',
        messageNodeId: 'send_email',
        signals: [
          { port: 'clicked', kind: 'click' },
          { port: 'opened', kind: 'open' },
        ],
        timeout: { amount: 72, unit: 'hours' },
      },
      handoff_reply: {
        type: 'handoff',
        name: 'Responder en persona',
        queue: 'atencion',
        note: '{{ contact.name }} respondió a la campaña de reactivación.',
      },
      exit_read: exitWith('read', 'Leyó el WhatsApp'),
      exit_replied: exitWith('replied', 'Respondió'),
      exit_clicked: exitWith('clicked', 'Hizo clic'),
      exit_opened: exitWith('opened', 'Abrió el email'),
      exit_no_response: exitWith('no_response', 'Sin respuesta'),
    },
    edges: connect(
      ['trigger', 'next', 'send_whatsapp'],
      ['send_whatsapp', 'sent', 'wait_whatsapp'],
      ['send_whatsapp', 'failed', 'send_sms'],
      ['wait_whatsapp', 'replied', 'handoff_reply'],
      ['wait_whatsapp', 'read', 'exit_read'],
      ['wait_whatsapp', 'timeout', 'send_sms'],
      ['send_sms', 'sent', 'wait_sms'],
      ['send_sms', 'failed', 'send_email'],
      ['wait_sms', 'replied', 'handoff_reply'],
      ['wait_sms', 'clicked', 'exit_clicked'],
      ['wait_sms', 'timeout', 'send_email'],
      ['send_email', 'sent', 'wait_email'],
      ['wait_email', 'clicked', 'exit_clicked'],
      ['wait_email', 'opened', 'exit_opened'],
      ['wait_email', 'timeout', 'exit_no_response'],
      ['handoff_reply', 'next', 'exit_replied'],
    ),
    settings: {
      reentry: { mode: 'after_exit', cooldown: { amount: 30, unit: 'days' } },
      quietHours: { start: '21:00', end: '09:00' },
      goal: {
        event: 'order_placed',
        filters: [],
        window: { amount: 14, unit: 'days' },
        exitOnGoal: true,
      },
    },
  },
  pt: {
    send_whatsapp: {
      name: 'WhatsApp: sentimos sua falta',
      content: { whatsapp: { template: { name: 'sentimos_sua_falta', language: 'pt_BR' } } },
    },
    wait_whatsapp: { name: 'Leu ou respondeu?' },
    send_sms: {
      name: 'SMS de reserva',
      content: {
        sms: {
          text: `Oi, {{ contact.first_name }}! Faz tempo que você não aparece por aqui. Veja as novidades: ${loja}/novidades Responda SAIR para não receber mais.`,
        },
      },
    },
    wait_sms: { name: 'Respondeu ou clicou?' },
    send_email: {
      name: 'E-mail com cupom',
      content: {
        email: {
          subject: '{{ contact.first_name }}, separamos 15% de desconto para você',
          html: `<p>Oi, {{ contact.first_name }}!</p><p>Faz tempo que você não aparece e queremos te receber de volta. Use o cupom <strong>VOLTA15</strong> e ganhe 15% de desconto na sua próxima compra nos próximos 14 dias.</p><p><a href="${loja}/?cupom=VOLTA15">Ir para a loja</a></p>`,
          text: `Oi, {{ contact.first_name }}! Use o cupom VOLTA15 e ganhe 15% de desconto na sua próxima compra nos próximos 14 dias. ${loja}/?cupom=VOLTA15`,
        },
      },
    },
    wait_email: { name: 'Abriu ou clicou?' },
    handoff_reply: {
      name: 'Responder pessoalmente',
      queue: 'atendimento',
      note: '{{ contact.name }} respondeu à campanha de reativação.',
    },
    exit_read: { name: 'Leu o WhatsApp' },
    exit_replied: { name: 'Respondeu' },
    exit_clicked: { name: 'Clicou' },
    exit_opened: { name: 'Abriu o e-mail' },
    exit_no_response: { name: 'Sem resposta' },
  },
  // The editor's auto-layout («Ordenar»), so the template opens laid out with its connections
  // drawn around the cards (editor/src/canvas/elk-layout.test.ts keeps the two equal).
  layout: {
    trigger: { x: 506, y: 12 },
    send_whatsapp: { x: 506, y: 218 },
    wait_whatsapp: { x: 280, y: 424 },
    send_sms: { x: 564, y: 630 },
    wait_sms: { x: 153, y: 836 },
    send_email: { x: 622, y: 1042 },
    wait_email: { x: 540, y: 1248 },
    handoff_reply: { x: 12, y: 1042 },
    exit_read: { x: 324, y: 630 },
    exit_replied: { x: 32, y: 1248 },
    exit_clicked: { x: 197, y: 1454 },
    exit_opened: { x: 437, y: 1454 },
    exit_no_response: { x: 677, y: 1454 },
  },
};
