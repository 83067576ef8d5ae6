import { buildTemplateContext, evaluateConditions } from '@ruta/shared';
import { activeJourney, enrollContact } from '../enrollment/journey-enrollment';
import { type ContactRow, toSnapshot } from './contact-row';
import type { ActivityDeps } from './deps';

export const SWEEP_PAGE_SIZE = 500;
/** Enrollments of one page in flight at once (the worker's database pool is 10 by default). */
export const SWEEP_CONCURRENCY = 8;

export interface SweepPage {
  scanned: number;
  matched: number;
  enrolled: number;
  /** The last contact id seen; undefined when the sweep is done. */
  next?: string;
}

/**
 * One page of a segment / schedule sweep: reads contacts in id order, keeps those the trigger's
 * conditions accept, and enrolls them (pilot assignment and re-entry rules apply as for events).
 */
export function createSweepActivities(deps: ActivityDeps) {
  const { sql } = deps;
  return {
    async sweepJourneyPage({
      journeyId,
      after,
    }: {
      journeyId: string;
      after?: string;
    }): Promise<SweepPage> {
      const journey = await activeJourney(sql, journeyId);
      if (!journey) return { scanned: 0, matched: 0, enrolled: 0 };
      const trigger = journey.definition.trigger;
      if (trigger.kind !== 'segment' && trigger.kind !== 'schedule')
        return { scanned: 0, matched: 0, enrolled: 0 };
      const rows = await sql<ContactRow[]>`
        select id, external_id, phone, email, first_name, last_name, time_zone, locale, attributes, tags, consent, last_inbound_at
        from contacts
        where workspace_id = ${journey.workspaceId} and test_contact = false ${after ? sql`and id > ${after}` : sql``}
        order by id limit ${SWEEP_PAGE_SIZE}`;
      const now = new Date();
      const matching = rows.filter((row) => {
        const contact = buildTemplateContext({
          contact: toSnapshot(row),
          journey: { name: journey.name },
        }).contact;
        return evaluateConditions(trigger.conditions, { contact, now });
      });
      // Each enrollment is its own statement and its own start (idempotent by workflow id), so a
      // page's contacts enroll a few at a time rather than one after the other.
      let enrolled = 0;
      let next = 0;
      await Promise.all(
        Array.from({ length: Math.min(SWEEP_CONCURRENCY, matching.length) }, async () => {
          for (let i = next++; i < matching.length; i = next++) {
            const row = matching[i] as ContactRow;
            const result = await enrollContact(
              deps.enrollment,
              journey,
              row.id,
              undefined,
              toSnapshot(row),
            );
            if (result.status === 'started') enrolled += 1;
          }
        }),
      );
      const matched = matching.length;
      return {
        scanned: rows.length,
        matched,
        enrolled,
        ...(rows.length === SWEEP_PAGE_SIZE ? { next: rows.at(-1)?.id } : {}),
      };
    },
  };
}
