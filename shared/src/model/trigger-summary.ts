import { entryKeyWords, eventNoun } from './event-words';
import type { Localized } from './localized';
import type { Trigger } from './trigger';

const weekdays = {
  es: ['domingo', 'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado'],
  pt: [
    'domingo',
    'segunda-feira',
    'terça-feira',
    'quarta-feira',
    'quinta-feira',
    'sexta-feira',
    'sábado',
  ],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};

/** One line for the trigger's canvas card, e.g. 'Evento: carrito abandonado · un recorrido por cada carrito'. */
export function triggerSummary(trigger: Trigger): Localized {
  switch (trigger.kind) {
    case 'event': {
      const event = eventNoun(trigger.event);
      const key = trigger.entryKey ? entryKeyWords(trigger.entryKey) : undefined;
      return {
        es: `Evento: ${event.es}${key ? ` · un recorrido por cada ${key.es}` : ''}`,
        pt: `Evento: ${event.pt}${key ? ` · um percurso por ${key.pt}` : ''}`,
        en: `Event: ${event.en}${key ? ` · one run per ${key.en}` : ''}`,
      };
    }
    case 'segment': {
      const count = trigger.conditions.length;
      return {
        es: `Segmento · ${count} ${count === 1 ? 'condición' : 'condiciones'}`,
        pt: `Segmento · ${count} ${count === 1 ? 'condição' : 'condições'}`,
        en: `Segment · ${count} ${count === 1 ? 'condition' : 'conditions'}`,
      };
    }
    case 'schedule': {
      if (trigger.every === 'day') {
        return {
          es: `Cada día a las ${trigger.at}`,
          pt: `Todos os dias às ${trigger.at}`,
          en: `Every day at ${trigger.at}`,
        };
      }
      const day = trigger.weekday ?? 1;
      return {
        es: `Cada ${weekdays.es[day]} a las ${trigger.at}`,
        pt: `${day === 0 || day === 6 ? 'Todo' : 'Toda'} ${weekdays.pt[day]} às ${trigger.at}`,
        en: `Every ${weekdays.en[day]} at ${trigger.at}`,
      };
    }
    case 'manual':
      return {
        es: 'Inscripción manual (API o CSV)',
        pt: 'Inscrição manual (API ou CSV)',
        en: 'Manual enrollment (API or CSV)',
      };
  }
}
