import type { TFunction } from 'i18next';
import { intlLocale } from '../i18n/index';
import type { HandoffSummary } from './api';

/** A span of time as an agent says it: «menos de 1 min», «3 min», «2 h 10 min», «3 días». */
export function durationWords(t: TFunction, seconds: number): string {
  const minutes = Math.floor(Math.max(0, seconds) / 60);
  if (minutes < 1) return t('inbox.time.lessThanMinute');
  if (minutes < 60) return t('inbox.time.minutes', { count: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) {
    const rest = minutes % 60;
    return rest > 0 && hours < 3
      ? t('inbox.time.hoursMinutes', { hours, minutes: rest })
      : t('inbox.time.hours', { count: hours });
  }
  return t('inbox.time.days', { count: Math.floor(hours / 24) });
}

/** Seconds from an instant until now (or until `until`). */
export function secondsSince(iso: string, until = Date.now()): number {
  return Math.max(0, Math.round((until - new Date(iso).getTime()) / 1000));
}

/** Seconds from now until an instant to come (0 once it passed). */
export function secondsUntil(iso: string, from = Date.now()): number {
  return Math.max(0, Math.round((new Date(iso).getTime() - from) / 1000));
}

/**
 * How long the row's customer waited, in words: still waiting for a first answer («Espera desde
 * hace 3 min»), answered («Respondida en 2 min»), or closed («Cerrada hace 1 h»).
 */
export function waitWords(t: TFunction, h: HandoffSummary): string {
  if (h.status === 'closed' && h.closedAt)
    return t('inbox.wait.closed', { time: durationWords(t, secondsSince(h.closedAt)) });
  if (h.firstResponseAt)
    return t('inbox.wait.answered', { time: durationWords(t, h.waitingSeconds) });
  return t('inbox.wait.waiting', { time: durationWords(t, h.waitingSeconds) });
}

/** What the customer last did: the button they tapped («tocó «Tengo dudas»») or what they wrote. */
export function lastInboundWords(t: TFunction, h: Pick<HandoffSummary, 'lastInbound'>): string {
  const last = h.lastInbound;
  if (!last) return t('inbox.noInbound');
  if (last.buttonId)
    return last.text ? t('inbox.tapped', { label: last.text }) : t('inbox.tappedButton');
  return last.text ? t('inbox.wrote', { text: last.text }) : t('inbox.noInbound');
}

/** A queue's name as the team wrote it on the hand-off step; the unnamed one is «General». */
export function queueName(t: TFunction, queue: string): string {
  return queue === 'default' ? t('inbox.defaultQueue') : queue;
}

/** A member as the team knows them: their name, else their email; «Tú» for the signed-in one. */
export function personName(
  t: TFunction,
  person: { id: string; name: string; email: string },
  meId: string | null,
): string {
  if (person.id === meId) return t('inbox.you');
  return person.name || person.email;
}

/** A message's time: the hour today, the day and hour before. */
export function messageTime(iso: string, lang: string | undefined): string {
  const date = new Date(iso);
  const today = new Date().toDateString() === date.toDateString();
  return new Intl.DateTimeFormat(intlLocale(lang), {
    ...(today ? {} : { day: 'numeric', month: 'short' }),
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
}
