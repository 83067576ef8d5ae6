import { buildTemplateContext, type Channel, renderTemplate } from '@ruta/shared';
import { ApplicationFailure } from '@temporalio/common';
import type { TriggerEventSnapshot } from '../workflows/journey/types';
import { ContactGoneError, loadContactRow, toSnapshot } from './contact-row';
import type { ActivityDeps } from './deps';

export interface ContactChanges {
  set?: Record<string, string | number | boolean>;
  unset?: string[];
  addTags?: string[];
  removeTags?: string[];
  consent?: { channel: Channel; granted: boolean }[];
}

export interface UpdateContactRequest {
  workspaceId: string;
  contactId: string;
  journeyName: string;
  triggerEvent?: TriggerEventSnapshot;
  changes: ContactChanges;
  /** Values are plain text (a saved reply), not Liquid templates. */
  literal?: boolean;
}

function gone(error: unknown): never {
  if (error instanceof ContactGoneError)
    throw ApplicationFailure.nonRetryable(error.message, 'ContactGone');
  throw error;
}

export function createContactActivities({ sql }: ActivityDeps) {
  return {
    async loadContact({ workspaceId, contactId }: { workspaceId: string; contactId: string }) {
      return toSnapshot(await loadContactRow(sql, workspaceId, contactId).catch(gone));
    },

    async updateContact(request: UpdateContactRequest) {
      const { workspaceId, contactId, changes } = request;
      const row = await loadContactRow(sql, workspaceId, contactId).catch(gone);
      const context = buildTemplateContext({
        contact: {
          id: row.id,
          externalId: row.external_id,
          firstName: row.first_name,
          lastName: row.last_name,
          phone: row.phone,
          email: row.email,
          locale: row.locale,
          timeZone: row.time_zone,
          attributes: row.attributes,
        },
        event: request.triggerEvent
          ? { name: request.triggerEvent.name, properties: request.triggerEvent.properties }
          : null,
        journey: { name: request.journeyName },
      });
      const set: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(changes.set ?? {})) {
        if (typeof value !== 'string' || request.literal) {
          set[key] = value;
          continue;
        }
        const rendered = await renderTemplate(value, context);
        if (!rendered.ok)
          throw ApplicationFailure.nonRetryable(
            `attribute "${key}": ${rendered.error.en}`,
            'TemplateError',
          );
        set[key] = rendered.text;
      }
      const consent: Record<string, unknown> = {};
      for (const change of changes.consent ?? []) {
        consent[change.channel] = {
          granted: change.granted,
          at: new Date().toISOString(),
          source: 'journey',
        };
      }
      const [updated] = await sql`
        update contacts set
          attributes = (attributes || ${sql.json(set as never)}::jsonb) - ${changes.unset ?? []}::text[],
          tags = array(
            select distinct t from unnest(tags || ${changes.addTags ?? []}::text[]) as t
            where t <> all(${changes.removeTags ?? []}::text[])
            order by t),
          consent = consent || ${sql.json(consent as never)}::jsonb,
          updated_at = now()
        where id = ${contactId} and workspace_id = ${workspaceId}
        returning id`;
      if (!updated) gone(new ContactGoneError(contactId));
      return toSnapshot(await loadContactRow(sql, workspaceId, contactId));
    },
  };
}
