import type { SendNode } from '../nodes/send';
import { connect, exitWith, type JourneyTemplate, type TemplateTexts } from './build';

function whatsappWithSms(name: string, template: string, sms: string): SendNode {
  return {
    type: 'send',
    name,
    channel: 'whatsapp',
    fallbackChannels: ['sms'],
    content: {
      whatsapp: {
        template: { name: template, language: 'es_MX', params: ['{{ contact.first_name }}'] },
        buttons: [],
      },
      sms: { text: sms },
    },
  };
}

/** The Portuguese words of a `whatsappWithSms` step. */
function whatsappTexts(name: string, template: string, sms: string): TemplateTexts[string] {
  return {
    name,
    content: { whatsapp: { template: { name: template, language: 'pt_BR' } }, sms: { text: sms } },
  };
}

/** New leads: email for those who prefer it, otherwise an A/B WhatsApp test with bounded reminders. */
export const signalFallback: JourneyTemplate = {
  id: 'signal_fallback',
  name: {
    es: 'Seguimiento de nuevos contactos',
    pt: 'Acompanhamento de novos leads',
    en: 'New lead follow-up',
  },
  description: {
    es: 'Cuando llega un nuevo contacto: email si lo prefiere (o no tiene teléfono); si no, WhatsApp en dos versiones A/B con SMS de respaldo y hasta dos recordatorios diarios mientras no responda.',
    pt: 'Quando chega um novo lead: e-mail se ele preferir (ou não tiver celular); senão, WhatsApp em duas versões A/B com SMS de reserva e até dois lembretes diários enquanto não responder.',
    en: 'When a new lead arrives: email if they prefer it (or have no phone); otherwise WhatsApp in two A/B versions with SMS fallback and up to two daily reminders until they reply.',
  },
  definition: {
    schemaVersion: 1,
    trigger: { kind: 'event', event: 'lead_created', filters: [] },
    nodes: {
      branch_channel: {
        type: 'branch',
        name: '¿Por dónde le escribimos?',
        cases: [
          {
            port: 'prefers_email',
            label: 'Prefiere email',
            conditions: [
              { source: 'contact', field: 'preferred_channel', op: 'eq', value: 'email' },
            ],
          },
          {
            port: 'no_phone',
            label: 'Sin teléfono',
            conditions: [{ source: 'contact', field: 'phone', op: 'not_exists' }],
          },
        ],
      },
      send_email: {
        type: 'send',
        name: 'Email de bienvenida',
        channel: 'email',
        fallbackChannels: [],
        exitPorts: ['failed'],
        content: {
          email: {
            subject: 'Gracias por tu interés, {{ contact.first_name }}',
            html: '<p>Hola {{ contact.first_name }}:</p><p>Gracias por escribirnos. ¿Quieres que te llamemos para contarte más? <a href="https://tu-tienda.example/agenda">Elige un horario</a>.</p>',
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
        timeout: { amount: 3, unit: 'days' },
      },
      split_ab: {
        type: 'split',
        name: 'Prueba del saludo',
        variants: [
          { port: 'a', label: 'A', percent: 50 },
          { port: 'b', label: 'B', percent: 50 },
        ],
      },
      send_a: whatsappWithSms(
        'Saludo A: directo',
        'bienvenida_directa',
        'Hola {{ contact.first_name }}, gracias por tu interés. ¿Te llamamos hoy? Responde SÍ o NO.',
      ),
      send_b: whatsappWithSms(
        'Saludo B: con pregunta',
        'bienvenida_pregunta',
        '{{ contact.first_name }}, ¿qué te gustaría resolver? Responde a este mensaje y te ayudamos.',
      ),
      wait_reply: {
        type: 'wait_for',
        name: '¿Respondió?',
        maxVisits: 3,
        signals: [{ port: 'replied', kind: 'reply' }],
        timeout: { amount: 24, unit: 'hours' },
      },
      wait_day: {
        type: 'wait',
        name: 'Esperar un día',
        until: { kind: 'duration', duration: { amount: 1, unit: 'days' } },
      },
      send_reminder: {
        ...whatsappWithSms(
          'Recordatorio',
          'recordatorio_contacto',
          '{{ contact.first_name }}, seguimos aquí para ayudarte. Responde a este mensaje cuando quieras.',
        ),
        // Two reminders at most: the loop's third day without a reply ends the run.
        maxVisits: 2,
      },
      branch_reply: {
        type: 'branch',
        name: '¿Pidió la baja?',
        cases: [
          {
            port: 'opt_out',
            label: 'Pidió la baja',
            conditions: [
              { source: 'engagement', field: 'last_reply_intent', op: 'eq', value: 'opt_out' },
            ],
          },
        ],
      },
      update_opt_out: {
        type: 'update_contact',
        name: 'Dar de baja',
        set: {},
        unset: [],
        addTags: [],
        removeTags: [],
        consent: [
          { channel: 'whatsapp', granted: false },
          { channel: 'sms', granted: false },
        ],
      },
      handoff_lead: {
        type: 'handoff',
        name: 'Pasar a ventas',
        queue: 'ventas',
        note: 'Nuevo contacto interesado: {{ contact.name }} ({{ contact.phone }} {{ contact.email }}).',
      },
      exit_opened: exitWith('opened', 'Abrió el email'),
      exit_opted_out: exitWith('opted_out', 'Se dio de baja'),
      exit_handed_off: exitWith('handed_off', 'Atendido por ventas'),
      exit_no_response: exitWith('no_response', 'Sin respuesta'),
    },
    edges: connect(
      ['trigger', 'next', 'branch_channel'],
      ['branch_channel', 'prefers_email', 'send_email'],
      ['branch_channel', 'no_phone', 'send_email'],
      ['branch_channel', 'else', 'split_ab'],
      ['send_email', 'sent', 'wait_email'],
      ['wait_email', 'clicked', 'handoff_lead'],
      ['wait_email', 'opened', 'exit_opened'],
      ['wait_email', 'timeout', 'exit_no_response'],
      ['split_ab', 'a', 'send_a'],
      ['split_ab', 'b', 'send_b'],
      ['send_a', 'sent', 'wait_reply'],
      ['send_a', 'failed', 'exit_no_response'],
      ['send_b', 'sent', 'wait_reply'],
      ['send_b', 'failed', 'exit_no_response'],
      ['wait_reply', 'replied', 'branch_reply'],
      ['wait_reply', 'timeout', 'wait_day'],
      ['wait_day', 'next', 'send_reminder'],
      ['send_reminder', 'sent', 'wait_reply'],
      ['send_reminder', 'failed', 'exit_no_response'],
      ['branch_reply', 'opt_out', 'update_opt_out'],
      ['branch_reply', 'else', 'handoff_lead'],
      ['update_opt_out', 'next', 'exit_opted_out'],
      ['handoff_lead', 'next', 'exit_handed_off'],
    ),
    settings: {
      reentry: { mode: 'never' },
      quietHours: { start: '21:00', end: '08:00' },
      goal: {
        event: 'order_placed',
        filters: [],
        window: { amount: 14, unit: 'days' },
        exitOnGoal: true,
      },
    },
  },
  pt: {
    branch_channel: {
      name: 'Por onde falamos com a pessoa?',
      cases: [{ label: 'Prefere e-mail' }, { label: 'Sem celular' }],
    },
    send_email: {
      name: 'E-mail de boas-vindas',
      content: {
        email: {
          subject: 'Obrigado pelo interesse, {{ contact.first_name }}',
          html: '<p>Oi, {{ contact.first_name }}!</p><p>Obrigado pelo contato. Quer que a gente te ligue para contar mais? <a href="https://sua-loja.example/agenda">Escolha um horário</a>.</p>',
        },
      },
    },
    wait_email: { name: 'Abriu ou clicou?' },
    split_ab: { name: 'Teste da saudação' },
    send_a: whatsappTexts(
      'Saudação A: direta',
      'boas_vindas_direta',
      'Oi, {{ contact.first_name }}! Obrigado pelo interesse. Podemos te ligar hoje? Responda SIM ou NÃO.',
    ),
    send_b: whatsappTexts(
      'Saudação B: com pergunta',
      'boas_vindas_pergunta',
      '{{ contact.first_name }}, o que você gostaria de resolver? Responda esta mensagem que a gente te ajuda.',
    ),
    wait_reply: { name: 'Respondeu?' },
    wait_day: { name: 'Esperar um dia' },
    send_reminder: whatsappTexts(
      'Lembrete',
      'lembrete_contato',
      '{{ contact.first_name }}, continuamos aqui para te ajudar. Responda esta mensagem quando quiser.',
    ),
    branch_reply: { name: 'Pediu descadastro?', cases: [{ label: 'Pediu descadastro' }] },
    update_opt_out: { name: 'Descadastrar' },
    handoff_lead: {
      name: 'Passar para vendas',
      queue: 'vendas',
      note: 'Novo lead interessado: {{ contact.name }} ({{ contact.phone }} {{ contact.email }}).',
    },
    exit_opened: { name: 'Abriu o e-mail' },
    exit_opted_out: { name: 'Se descadastrou' },
    exit_handed_off: { name: 'Atendido por vendas' },
    exit_no_response: { name: 'Sem resposta' },
  },
  // The editor's auto-layout («Ordenar»), so the template opens laid out with its connections
  // drawn around the cards (editor/src/canvas/elk-layout.test.ts keeps the two equal).
  layout: {
    trigger: { x: 302, y: 12 },
    branch_channel: { x: 278, y: 218 },
    send_email: { x: 209, y: 424 },
    wait_email: { x: 528, y: 1042 },
    split_ab: { x: 882, y: 424 },
    send_a: { x: 350, y: 630 },
    send_b: { x: 939, y: 630 },
    wait_reply: { x: 292, y: 836 },
    wait_day: { x: 857, y: 1042 },
    send_reminder: { x: 857, y: 1248 },
    branch_reply: { x: 234, y: 1042 },
    update_opt_out: { x: 12, y: 1248 },
    handoff_lead: { x: 292, y: 1248 },
    exit_opened: { x: 572, y: 1248 },
    exit_opted_out: { x: 32, y: 1454 },
    exit_handed_off: { x: 312, y: 1454 },
    exit_no_response: { x: 1017, y: 1454 },
  },
};
