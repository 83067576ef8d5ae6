import { eventNoun } from '@ruta/shared';
import type { TFunction } from 'i18next';
import type { Answer, client } from '../api/client';
import type { Lang } from '../i18n/index';
import { outcomeWord } from '../runs/run-status';

export type TimelineItem = Answer<
  (typeof client.contacts)[':id']['timeline']['$get']
>['items'][number];

const channelWord = (t: TFunction, channel: unknown) =>
  t(`runs.words.channel.${String(channel)}`, { defaultValue: t('runs.words.channel.any') });

/** One line of a contact's story in the marketer's words, never a code. */
export function storyText(t: TFunction, lang: Lang, item: TimelineItem): string {
  const d = item.detail as Record<string, unknown>;
  const journey = item.journeyName ?? '';
  switch (item.kind) {
    case 'event':
      return t('contacts.story.event', { name: eventNoun(String(d.name))[lang] });
    case 'message':
      if (d.agent)
        return t('contacts.story.agentMessage', {
          agent: String(d.agent),
          channel: channelWord(t, d.channel),
        });
      return t('contacts.story.message', {
        status: t(`runs.words.messageStatus.${String(d.status)}`, {
          defaultValue: t('runs.words.messageStatus.any'),
        }),
        channel: channelWord(t, d.channel),
      });
    case 'reply':
      return d.buttonId && !d.text
        ? t('contacts.story.tapped', {
            button: String(d.buttonId),
            channel: channelWord(t, d.channel),
          })
        : t('contacts.story.reply', { channel: channelWord(t, d.channel) });
    case 'consent':
      return t(d.granted ? 'contacts.story.consentGiven' : 'contacts.story.consentWithdrawn', {
        channel: channelWord(t, d.channel),
      });
    case 'run_started':
      return t('contacts.story.runStarted', { journey });
    case 'run_ended':
      return t('contacts.story.runEnded', { journey, outcome: outcomeWord(t, lang, d.outcome) });
    case 'handoff':
      return t('contacts.story.handoff', { queue: String(d.queue) });
    case 'handoff_closed':
      return t('contacts.story.handoffClosed', {
        by: d.by ? String(d.by) : t('contacts.story.someone'),
        result: t(`contacts.story.result.${String(d.result)}`, {
          defaultValue: t('contacts.story.result.any'),
        }),
      });
  }
}
