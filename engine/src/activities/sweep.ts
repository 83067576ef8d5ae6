import { buildTemplateContext, evaluateConditions } from '@ruta/shared';
import { enrollMany } from '../enrollment/enroll';
import { activeJourney, enrollmentRequest } from '../enrollment/journey-enrollment';
import { type ContactRow, toSnapshot } from './contact-row';
import type { ActivityDeps } from './deps';

export const SWEEP_PAGE_SIZE = 500;
/** Enrollments recorded in one statement, then handed to Temporal. */
export const SWEEP_BATCH = 50;
/** Starts of one batch in flight at once. */
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
      // A batch's runs and starts are one statement; its starts go to Temporal a few at a time
      // (each idempotent by workflow id), well within the outbox's first retry delay.
      let enrolled = 0;
      const requests = matching.flatMap((row) => {
        const planned = enrollmentRequest(journey, row.id, undefined, toSnapshot(row));
        return 'refused' in planned ? [] : [planned.request];
      });
      for (let i = 0; i < requests.length; i += SWEEP_BATCH) {
        const batch = requests.slice(i, i + SWEEP_BATCH);
        const results = await enrollMany(deps.enrollment, batch, SWEEP_CONCURRENCY);
        enrolled += results.filter((r) => r.status === 'started').length;
      }
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
