import { z } from 'zod';
import { Channel } from '../model/channel';
import { addRuleIssue } from '../model/rule-issue';
import { nodeBase } from './common';

export const ConsentChange = z.object({ channel: Channel, granted: z.boolean() });
export type ConsentChange = z.infer<typeof ConsentChange>;

export const UpdateContactNode = z
  .object({
    type: z.literal('update_contact'),
    ...nodeBase,
    /** Attribute values; strings are Liquid templates. */
    set: z.record(z.string().min(1), z.union([z.string(), z.number(), z.boolean()])).default({}),
    unset: z.array(z.string().min(1)).default([]),
    addTags: z.array(z.string().min(1)).default([]),
    removeTags: z.array(z.string().min(1)).default([]),
    consent: z.array(ConsentChange).default([]),
  })
  .superRefine((node, ctx) => {
    const changes =
      Object.keys(node.set).length +
      node.unset.length +
      node.addTags.length +
      node.removeTags.length +
      node.consent.length;
    if (changes === 0) {
      addRuleIssue(ctx, 'empty_update', {
        es: 'Este paso no cambia nada: añade un dato, una etiqueta o un consentimiento.',
        pt: 'Esta etapa não altera nada: adicione um dado, uma tag ou um consentimento.',
        en: 'This step changes nothing: add an attribute, a tag or a consent change.',
      });
    }
    node.unset.forEach((attribute, index) => {
      if (Object.hasOwn(node.set, attribute)) {
        addRuleIssue(
          ctx,
          'conflicting_update',
          {
            es: `«${attribute}» se asigna y se borra a la vez; deja solo una de las dos.`,
            pt: `«${attribute}» é definido e apagado ao mesmo tempo; mantenha só um dos dois.`,
            en: `"${attribute}" is both set and cleared; keep only one.`,
          },
          ['unset', index],
        );
      }
    });
    node.removeTags.forEach((tag, index) => {
      if (node.addTags.includes(tag)) {
        addRuleIssue(
          ctx,
          'conflicting_update',
          {
            es: `La etiqueta «${tag}» se añade y se quita a la vez; deja solo una de las dos.`,
            pt: `A tag «${tag}» é adicionada e removida ao mesmo tempo; mantenha só uma das duas.`,
            en: `The tag "${tag}" is both added and removed; keep only one.`,
          },
          ['removeTags', index],
        );
      }
    });
    const channels = new Set<Channel>();
    node.consent.forEach(({ channel }, index) => {
      if (channels.has(channel)) {
        addRuleIssue(
          ctx,
          'conflicting_update',
          {
            es: `El consentimiento de ${channel} aparece dos veces.`,
            pt: `O consentimento de ${channel} aparece duas vezes.`,
            en: `The ${channel} consent appears twice.`,
          },
          ['consent', index, 'channel'],
        );
      }
      channels.add(channel);
    });
  });
export type UpdateContactNode = z.infer<typeof UpdateContactNode>;

export function outputPorts(_node: UpdateContactNode): string[] {
  return ['next'];
}
