import { z } from 'zod';
import { Channel, channelNames } from '../model/channel';
import { Duration } from '../model/duration';
import { addRuleIssue } from '../model/rule-issue';
import { nodeBase } from './common';
import { SendContent } from './send-content';

export const SendNode = z
  .object({
    type: z.literal('send'),
    ...nodeBase,
    channel: Channel,
    /** Tried in order when the primary channel cannot deliver. */
    fallbackChannels: z.array(Channel).default([]),
    /**
     * When set, a message not confirmed delivered (delivered, read, opened, clicked or answered)
     * within this time is tried on the next fallback channel, as a failure would be.
     */
    fallbackAfter: Duration.optional(),
    content: SendContent,
  })
  .superRefine((node, ctx) => {
    const seen = new Set<Channel>([node.channel]);
    node.fallbackChannels.forEach((channel, index) => {
      if (seen.has(channel)) {
        addRuleIssue(
          ctx,
          'duplicate_channel',
          channel === node.channel
            ? {
                es: `${channelNames[channel]} ya es el canal principal; quítalo de los canales de respaldo.`,
                pt: `${channelNames[channel]} já é o canal principal; tire-o dos canais de reserva.`,
                en: `${channelNames[channel]} is already the main channel; remove it from the fallbacks.`,
              }
            : {
                es: `${channelNames[channel]} está repetido en los canales de respaldo.`,
                pt: `${channelNames[channel]} aparece repetido nos canais de reserva.`,
                en: `${channelNames[channel]} appears twice among the fallback channels.`,
              },
          ['fallbackChannels', index],
        );
      }
      seen.add(channel);
    });
    if (node.fallbackAfter && node.fallbackChannels.length === 0) {
      addRuleIssue(
        ctx,
        'fallback_without_channel',
        {
          es: 'Para reintentar por otro canal si el mensaje no se entrega, agrega un canal de respaldo.',
          pt: 'Para tentar outro canal quando a mensagem não for entregue, adicione um canal de reserva.',
          en: 'To try another channel when the message is not delivered, add a fallback channel.',
        },
        ['fallbackAfter'],
      );
    }
    for (const channel of seen) {
      if (node.content[channel] === undefined) {
        addRuleIssue(
          ctx,
          'missing_content',
          {
            es: `Escribe el mensaje para ${channelNames[channel]}.`,
            pt: `Escreva a mensagem para ${channelNames[channel]}.`,
            en: `Write the ${channelNames[channel]} message.`,
          },
          ['content', channel],
        );
      }
    }
    const whatsapp = node.content.whatsapp;
    if (whatsapp && whatsapp.template === undefined && whatsapp.text === undefined) {
      addRuleIssue(
        ctx,
        'missing_content',
        {
          es: 'Elige una plantilla aprobada de WhatsApp o escribe un texto (el texto solo sale si el contacto escribió en las últimas 24 h).',
          pt: 'Escolha um modelo aprovado do WhatsApp ou escreva um texto (o texto só é enviado se o contato escreveu nas últimas 24 h).',
          en: 'Choose an approved WhatsApp template or write a text (text only goes out if the contact wrote in the last 24 h).',
        },
        ['content', 'whatsapp'],
      );
    }
    checkButtons(ctx, whatsapp?.buttons ?? [], ['content', 'whatsapp', 'buttons']);
    checkButtons(ctx, node.content.rcs?.buttons ?? [], ['content', 'rcs', 'buttons']);
  });
export type SendNode = z.infer<typeof SendNode>;

export function outputPorts(_node: SendNode): string[] {
  return ['sent', 'failed'];
}

function checkButtons(ctx: z.RefinementCtx, buttons: { id: string }[], path: string[]): void {
  const seen = new Set<string>();
  buttons.forEach(({ id }, index) => {
    if (seen.has(id)) {
      addRuleIssue(
        ctx,
        'duplicate_button',
        {
          es: `El botón «${id}» está repetido; cada botón necesita un id distinto.`,
          pt: `O botão «${id}» está repetido; cada botão precisa de um id diferente.`,
          en: `The button "${id}" is repeated; each button needs its own id.`,
        },
        [...path, index, 'id'],
      );
    }
    seen.add(id);
  });
}
