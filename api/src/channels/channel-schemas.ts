import { z } from '@hono/zod-openapi';
import {
  fieldRule,
  ProviderKind,
  SandboxChannelConfig,
  SERVER_SETTING_FIELDS,
  SmtpChannelConfig,
  TwilioChannelConfig,
  WhatsAppChannelConfig,
  WhatsAppTemplateInfo,
} from '@ruta/shared';

const name = z.string().trim().min(1).max(120);

/** A field that is a server setting now: present in a body, it is refused with a clear problem. */
function refusedServerSettings(provider: 'whatsapp' | 'twilio') {
  return Object.fromEntries(
    Object.entries(SERVER_SETTING_FIELDS[provider]).map(([field, variable]) => [
      field,
      z
        .unknown()
        .optional()
        .superRefine((value, ctx) => {
          if (value === undefined) return;
          ctx.addIssue({ code: 'custom', ...fieldRule('server_setting', { field, variable }) });
        })
        .openapi({ description: `Not accepted: a server setting (${variable}).` }),
    ]),
  );
}

export const CreateChannel = z
  .discriminatedUnion('provider', [
    z.object({
      provider: z.literal('whatsapp'),
      name,
      config: WhatsAppChannelConfig.extend(refusedServerSettings('whatsapp')),
    }),
    z.object({
      provider: z.literal('twilio'),
      name,
      config: TwilioChannelConfig.extend(refusedServerSettings('twilio')),
    }),
    z.object({ provider: z.literal('smtp'), name, config: SmtpChannelConfig }),
    z.object({ provider: z.literal('sandbox'), name, config: SandboxChannelConfig.default({}) }),
  ])
  .openapi('CreateChannel');
export type CreateChannel = z.infer<typeof CreateChannel>;

/**
 * Config fields are merged into the stored ones: a secret left out (or empty) keeps its value, and
 * `null` clears an optional field.
 */
export const UpdateChannel = z
  .object({ name: name.optional(), config: z.record(z.string(), z.unknown()).optional() })
  .openapi('UpdateChannel');
export type UpdateChannel = z.infer<typeof UpdateChannel>;

export const ChannelView = z
  .object({
    id: z.string(),
    provider: ProviderKind,
    name: z.string(),
    /** The fields that may be shown; secrets never appear. */
    config: z.record(z.string(), z.unknown()),
    /** Which secret fields are stored. */
    secretsSet: z.array(z.string()),
    carries: z.array(z.enum(['whatsapp', 'sms', 'email', 'rcs'])),
    /** Where to point the provider's webhooks (null when it sends none). */
    webhookUrl: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    templatesSyncedAt: z.string().nullable(),
  })
  .openapi('Channel');
export type ChannelView = z.infer<typeof ChannelView>;

export const ChannelList = z.object({ items: z.array(ChannelView) }).openapi('ChannelList');

export const TemplateSync = z
  .object({ items: z.array(WhatsAppTemplateInfo), syncedAt: z.string() })
  .openapi('TemplateSync');

export const WorkspaceTemplates = z
  .object({ items: z.array(WhatsAppTemplateInfo.extend({ channelId: z.string() })) })
  .openapi('WhatsAppTemplates');
