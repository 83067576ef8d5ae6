import { describe, expect, test } from 'vitest';
import { getJourneyTemplate } from '../templates/index';
import { JourneyNode } from './index';
import { nodeSummary } from './node-summary';
import { portLabel } from './port-labels';

const cart = getJourneyTemplate('abandoned_cart')?.definition;
const node = (id: string) => {
  const found = cart?.nodes[id];
  if (!found) throw new Error(`no node ${id}`);
  return found;
};
const waitFor = (signals: unknown[], timeout = { amount: 24, unit: 'hours' }) =>
  JourneyNode.parse({ type: 'wait_for', signals, timeout });

describe('portLabel', () => {
  test('send outputs', () => {
    expect(portLabel(node('send_cart'), 'sent')).toEqual({
      es: 'enviado',
      pt: 'enviado',
      en: 'sent',
    });
    expect(portLabel(node('send_cart'), 'failed')).toEqual({
      es: 'falló',
      pt: 'falhou',
      en: 'failed',
    });
  });

  test('buttons show their text when the journey is given, else their id', () => {
    expect(portLabel(node('wait_cart'), 'tapped_buy', cart)).toEqual({
      es: 'tocó «Comprar»',
      pt: 'tocou em «Comprar»',
      en: 'tapped "Comprar"',
    });
    expect(portLabel(node('wait_cart'), 'tapped_help', cart).es).toBe('tocó «Tengo dudas»');
    expect(portLabel(node('wait_cart'), 'tapped_buy')).toEqual({
      es: 'tocó «buy»',
      pt: 'tocou em «buy»',
      en: 'tapped "buy"',
    });
  });

  test('any send of the journey is searched when the wait names no message', () => {
    const wait = waitFor([{ port: 'help', kind: 'reply', match: { buttonId: 'help' } }]);
    expect(portLabel(wait, 'help', cart).es).toBe('tocó «Tengo dudas»');
  });

  test.each([
    [{ port: 'p', kind: 'reply' }, 'respondió', 'respondeu', 'replied'],
    [
      { port: 'p', kind: 'reply', match: { intent: 'yes' } },
      'respondió «sí»',
      'respondeu «sim»',
      'replied "yes"',
    ],
    [
      { port: 'p', kind: 'reply', match: { intent: 'opt_out' } },
      'pidió la baja',
      'pediu descadastro',
      'opted out',
    ],
    [
      { port: 'p', kind: 'reply', match: { keywords: ['precio', 'costo'] } },
      'respondió «precio» o «costo»',
      'respondeu «precio» ou «costo»',
      'replied "precio" or "costo"',
    ],
    [{ port: 'p', kind: 'open' }, 'abrió', 'abriu', 'opened'],
    [{ port: 'p', kind: 'click' }, 'hizo clic', 'clicou', 'clicked'],
    [{ port: 'p', kind: 'read' }, 'leyó', 'leu', 'read'],
    [{ port: 'p', kind: 'event', event: 'order_placed' }, 'compró', 'comprou', 'ordered'],
    [
      { port: 'p', kind: 'event', event: 'store_visit' },
      '«store visit» ocurrió',
      '«store visit» aconteceu',
      '"store visit" happened',
    ],
  ])('signal %j', (signal, es, pt, en) => {
    expect(portLabel(waitFor([signal]), 'p')).toEqual({ es, pt, en });
  });

  test('timeouts say how long', () => {
    expect(portLabel(node('wait_cart'), 'timeout')).toEqual({
      es: 'sin respuesta en 24 h',
      pt: 'sem resposta em 24 h',
      en: 'no reply in 24 h',
    });
    const twoDays = waitFor([{ port: 'p', kind: 'reply' }], { amount: 2, unit: 'days' });
    expect(portLabel(twoDays, 'timeout')).toEqual({
      es: 'sin respuesta en 2 días',
      pt: 'sem resposta em 2 dias',
      en: 'no reply in 2 days',
    });
    expect(portLabel(node('wait_order'), 'timeout')).toEqual({
      es: 'no ocurrió en 24 h',
      pt: 'não aconteceu em 24 h',
      en: "didn't happen in 24 h",
    });
  });

  test('branch cases show their label; else is "si no"', () => {
    expect(portLabel(node('branch_intent'), 'opt_out').es).toBe('Pidió la baja');
    expect(portLabel(node('branch_intent'), 'else')).toEqual({
      es: 'si no',
      pt: 'senão',
      en: 'otherwise',
    });
  });

  test('split variants show their share', () => {
    const split = JourneyNode.parse({
      type: 'split',
      variants: [
        { port: 'a', label: 'A', percent: 50 },
        { port: 'b', percent: 50 },
      ],
    });
    expect(portLabel(split, 'a')).toEqual({ es: 'A · 50 %', pt: 'A · 50%', en: 'A · 50%' });
    expect(portLabel(split, 'b').es).toBe('b · 50 %');
  });

  test('an unknown port is shown as is', () => {
    expect(portLabel(node('send_cart'), 'bounced')).toEqual({
      es: 'bounced',
      pt: 'bounced',
      en: 'bounced',
    });
  });
});

describe('nodeSummary', () => {
  test.each([
    [
      'send_cart',
      'WhatsApp · plantilla carrito_abandonado · si falla: SMS',
      'WhatsApp · modelo carrito_abandonado · se falhar: SMS',
      'WhatsApp · template carrito_abandonado · fallback: SMS',
    ],
    [
      'send_reminder',
      'SMS · «{{ contact.first_name }}, tu carrito ({…»',
      'SMS · «{{ contact.first_name }}, tu carrito ({…»',
      'SMS · "{{ contact.first_name }}, tu carrito ({…"',
    ],
    [
      'wait_cart',
      'Esperar respuesta o compra · 24 h',
      'Esperar resposta ou compra · 24 h',
      'Wait for reply or order · 24 h',
    ],
    [
      'branch_intent',
      'Condición · Pidió la baja / si no',
      'Condição · Pidió la baja / senão',
      'Branch · Pidió la baja / otherwise',
    ],
    [
      'update_opt_out',
      'Actualizar contacto · baja de WhatsApp',
      'Atualizar contato · descadastro de WhatsApp',
      'Update contact · WhatsApp opt-out',
    ],
    [
      'handoff_help',
      'Pasar a un agente · ventas',
      'Transferir para um atendente · ventas',
      'Hand off to an agent · ventas',
    ],
    ['exit_converted', 'Salir · compró', 'Saída · comprou', 'Exit · bought'],
  ])('%s', (id, es, pt, en) => {
    expect(nodeSummary(node(id))).toEqual({ es, pt, en });
  });

  test.each([
    [
      { kind: 'duration', duration: { amount: 1, unit: 'days' } },
      'Esperar 1 día',
      'Esperar 1 dia',
      'Wait 1 day',
    ],
    [
      { kind: 'time_of_day', time: '10:00', weekdays: [1, 3] },
      'Esperar hasta las 10:00 (lun, mié)',
      'Esperar até as 10:00 (seg, qua)',
      'Wait until 10:00 (Mon, Wed)',
    ],
    [
      { kind: 'date_attribute', attribute: 'renewal_at', offset: { amount: -2, unit: 'days' } },
      'Esperar hasta renewal_at − 2 días',
      'Esperar até renewal_at − 2 dias',
      'Wait until renewal_at − 2 days',
    ],
    [
      { kind: 'whatsapp_window', hoursBefore: 2 },
      'Esperar hasta 2 h antes de que cierre la ventana de WhatsApp',
      'Esperar até 2 h antes de a janela do WhatsApp fechar',
      'Wait until 2 h before the WhatsApp window closes',
    ],
  ])('wait %j', (until, es, pt, en) => {
    expect(nodeSummary(JourneyNode.parse({ type: 'wait', until }))).toEqual({ es, pt, en });
  });

  test('a wait for a reply only', () => {
    expect(nodeSummary(waitFor([{ port: 'r', kind: 'reply' }])).es).toBe(
      'Esperar respuesta · 24 h',
    );
  });

  test('split and webhook', () => {
    const split = JourneyNode.parse({
      type: 'split',
      variants: [
        { port: 'a', label: 'A', percent: 50 },
        { port: 'b', label: 'B', percent: 50 },
      ],
    });
    expect(nodeSummary(split).es).toBe('Prueba A/B · A · 50 % / B · 50 %');
    const webhook = JourneyNode.parse({
      type: 'webhook',
      method: 'POST',
      url: 'https://crm.example/leads',
    });
    expect(nodeSummary(webhook).en).toBe('Webhook · POST https://crm.example/leads');
  });
});
