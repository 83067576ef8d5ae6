import { channelNames } from '../model/channel';
import { formatDuration } from '../model/duration';
import { eventNoun } from '../model/event-words';
import type { Localized } from '../model/localized';
import { outcomeLabel } from './exit';
import type { JourneyNode } from './index';
import { portLabel } from './port-labels';
import type { SendNode } from './send';
import type { WaitNode } from './wait';
import type { WaitForNode, WaitSignal } from './wait-for';

/** One line per node for the canvas card, e.g. 'WhatsApp · plantilla carrito_abandonado'. */
export function nodeSummary(node: JourneyNode): Localized {
  switch (node.type) {
    case 'send':
      return sendSummary(node);
    case 'wait':
      return waitSummary(node.until);
    case 'wait_for':
      return waitForSummary(node);
    case 'branch': {
      const ports = [...node.cases.map((branchCase) => branchCase.port), 'else'];
      const labels = ports.map((port) => portLabel(node, port));
      return {
        es: `Condición · ${labels.map((label) => label.es).join(' / ')}`,
        pt: `Condição · ${labels.map((label) => label.pt).join(' / ')}`,
        en: `Branch · ${labels.map((label) => label.en).join(' / ')}`,
      };
    }
    case 'split': {
      const labels = node.variants.map((variant) => portLabel(node, variant.port));
      return {
        es: `Prueba A/B · ${labels.map((label) => label.es).join(' / ')}`,
        pt: `Teste A/B · ${labels.map((label) => label.pt).join(' / ')}`,
        en: `A/B split · ${labels.map((label) => label.en).join(' / ')}`,
      };
    }
    case 'update_contact':
      return updateSummary(node);
    case 'webhook':
      return {
        es: `Webhook · ${node.method} ${shorten(node.url)}`,
        pt: `Webhook · ${node.method} ${shorten(node.url)}`,
        en: `Webhook · ${node.method} ${shorten(node.url)}`,
      };
    case 'handoff':
      return node.waitForAgent
        ? {
            es: `Pasar a un agente · ${node.queue} · espera su cierre`,
            pt: `Transferir para um atendente · ${node.queue} · espera o encerramento`,
            en: `Hand off to an agent · ${node.queue} · waits for the close`,
          }
        : {
            es: `Pasar a un agente · ${node.queue}`,
            pt: `Transferir para um atendente · ${node.queue}`,
            en: `Hand off to an agent · ${node.queue}`,
          };
    case 'exit': {
      const outcome = outcomeLabel(node.outcome);
      return {
        es: `Salir · ${outcome.es}`,
        pt: `Saída · ${outcome.pt}`,
        en: `Exit · ${outcome.en}`,
      };
    }
  }
}

function sendSummary(node: SendNode): Localized {
  const channel = channelNames[node.channel];
  const what = messageGist(node);
  const fallbacks = node.fallbackChannels.map((fallback) => channelNames[fallback]).join(', ');
  return {
    es: `${channel} · ${what.es}${fallbacks ? ` · si falla: ${fallbacks}` : ''}`,
    pt: `${channel} · ${what.pt}${fallbacks ? ` · se falhar: ${fallbacks}` : ''}`,
    en: `${channel} · ${what.en}${fallbacks ? ` · fallback: ${fallbacks}` : ''}`,
  };
}

function messageGist(node: SendNode): Localized {
  const { whatsapp, sms, email, rcs } = node.content;
  switch (node.channel) {
    case 'whatsapp':
      if (whatsapp?.template) {
        return {
          es: `plantilla ${whatsapp.template.name}`,
          pt: `modelo ${whatsapp.template.name}`,
          en: `template ${whatsapp.template.name}`,
        };
      }
      return quoted(whatsapp?.text);
    case 'sms':
      return quoted(sms?.text);
    case 'email':
      return quoted(email?.subject);
    case 'rcs':
      return quoted(rcs?.text);
  }
}

function quoted(text: string | undefined): Localized {
  if (text === undefined) return { es: 'sin contenido', pt: 'sem conteúdo', en: 'no content' };
  const short = shorten(text);
  return { es: `«${short}»`, pt: `«${short}»`, en: `"${short}"` };
}

function shorten(text: string, max = 40): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

const weekdayNames = {
  es: ['dom', 'lun', 'mar', 'mié', 'jue', 'vie', 'sáb'],
  pt: ['dom', 'seg', 'ter', 'qua', 'qui', 'sex', 'sáb'],
  en: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
};

function waitSummary(until: WaitNode['until']): Localized {
  switch (until.kind) {
    case 'duration': {
      const duration = formatDuration(until.duration);
      return {
        es: `Esperar ${duration.es}`,
        pt: `Esperar ${duration.pt}`,
        en: `Wait ${duration.en}`,
      };
    }
    case 'time_of_day': {
      const days = (lang: keyof Localized) =>
        until.weekdays
          ? ` (${until.weekdays.map((day) => weekdayNames[lang][day]).join(', ')})`
          : '';
      return {
        es: `Esperar hasta las ${until.time}${days('es')}`,
        pt: `Esperar até as ${until.time}${days('pt')}`,
        en: `Wait until ${until.time}${days('en')}`,
      };
    }
    case 'date_attribute': {
      const { amount, unit } = until.offset;
      if (amount === 0) {
        return {
          es: `Esperar hasta ${until.attribute}`,
          pt: `Esperar até ${until.attribute}`,
          en: `Wait until ${until.attribute}`,
        };
      }
      const offset = formatDuration({ amount: Math.abs(amount), unit });
      const sign = amount < 0 ? '−' : '+';
      return {
        es: `Esperar hasta ${until.attribute} ${sign} ${offset.es}`,
        pt: `Esperar até ${until.attribute} ${sign} ${offset.pt}`,
        en: `Wait until ${until.attribute} ${sign} ${offset.en}`,
      };
    }
    case 'whatsapp_window':
      return {
        es: `Esperar hasta ${until.hoursBefore} h antes de que cierre la ventana de WhatsApp`,
        pt: `Esperar até ${until.hoursBefore} h antes de a janela do WhatsApp fechar`,
        en: `Wait until ${until.hoursBefore} h before the WhatsApp window closes`,
      };
  }
}

const signalWords: Record<Exclude<WaitSignal['kind'], 'event'>, Localized> = {
  reply: { es: 'respuesta', pt: 'resposta', en: 'reply' },
  open: { es: 'apertura', pt: 'abertura', en: 'open' },
  click: { es: 'clic', pt: 'clique', en: 'click' },
  delivered: { es: 'entrega', pt: 'entrega', en: 'delivery' },
  read: { es: 'lectura', pt: 'leitura', en: 'read' },
};

function waitForSummary(node: WaitForNode): Localized {
  const words: Localized[] = [];
  const seen = new Set<string>();
  for (const signal of node.signals) {
    const word = signal.kind === 'event' ? eventNoun(signal.event) : signalWords[signal.kind];
    if (seen.has(word.en)) continue;
    seen.add(word.en);
    words.push(word);
  }
  const timeout = formatDuration(node.timeout);
  return {
    es: `Esperar ${joinWords(
      words.map((word) => word.es),
      'o',
    )} · ${timeout.es}`,
    pt: `Esperar ${joinWords(
      words.map((word) => word.pt),
      'ou',
    )} · ${timeout.pt}`,
    en: `Wait for ${joinWords(
      words.map((word) => word.en),
      'or',
    )} · ${timeout.en}`,
  };
}

function joinWords(words: string[], or: string): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} ${or} ${words[words.length - 1]}`;
}

function updateSummary(node: Extract<JourneyNode, { type: 'update_contact' }>): Localized {
  const parts: Localized[] = [
    ...Object.keys(node.set).map((key) => ({ es: key, pt: key, en: key })),
    ...node.unset.map((key) => ({ es: `−${key}`, pt: `−${key}`, en: `−${key}` })),
    ...node.addTags.map((tag) => ({ es: `+#${tag}`, pt: `+#${tag}`, en: `+#${tag}` })),
    ...node.removeTags.map((tag) => ({ es: `−#${tag}`, pt: `−#${tag}`, en: `−#${tag}` })),
    ...node.consent.map(({ channel, granted }) =>
      granted
        ? {
            es: `alta de ${channelNames[channel]}`,
            pt: `inscrição em ${channelNames[channel]}`,
            en: `${channelNames[channel]} opt-in`,
          }
        : {
            es: `baja de ${channelNames[channel]}`,
            pt: `descadastro de ${channelNames[channel]}`,
            en: `${channelNames[channel]} opt-out`,
          },
    ),
  ];
  return {
    es: `Actualizar contacto · ${parts.map((part) => part.es).join(', ')}`,
    pt: `Atualizar contato · ${parts.map((part) => part.pt).join(', ')}`,
    en: `Update contact · ${parts.map((part) => part.en).join(', ')}`,
  };
}
