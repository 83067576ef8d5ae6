import { pilotClosesAt } from '@ruta/shared';
import { ScheduleNotFoundError } from '@temporalio/client';
import { sweepScheduleId } from '../enrollment/sweep-ids';
import type { ActivityDeps } from './deps';

/** What the pilot watch needs to decide: is the journey still this pilot, when it closes, who is inside. */
export interface PilotState {
  /** False once the journey is no longer active (paused, stopped, archived, completed, gone). */
  active: boolean;
  /** When new entries stop (ms since epoch): the end of the end date's day, UTC. */
  closesAt?: number;
  closed: boolean;
  /** Runs still inside (both groups; previews apart). */
  inFlight: number;
}

/** The journey's pilot end and in-flight runs, and the step that ends the pilot once both are over. */
export function createPilotActivities(deps: ActivityDeps) {
  const { sql } = deps;
  return {
    async pilotState({ journeyId }: { journeyId: string }): Promise<PilotState> {
      const [row] = await sql<{ status: string; ends_at: string | null; in_flight: number }[]>`
        select j.status, j.activation -> 'pilot' ->> 'endsAt' as ends_at,
               (select count(*)::int from runs r
                 where r.journey_id = j.id and r.status = 'active' and not r.preview) as in_flight
        from journeys j where j.id = ${journeyId}`;
      if (!row || row.status !== 'active' || !row.ends_at)
        return { active: false, closed: false, inFlight: row?.in_flight ?? 0 };
      const closesAt = pilotClosesAt(row.ends_at);
      return {
        active: true,
        ...(closesAt !== undefined ? { closesAt } : {}),
        closed: closesAt !== undefined && Date.now() >= closesAt,
        inFlight: row.in_flight,
      };
    },

    /**
     * Ends a pilot whose end date is over and whose runs have all finished: the journey becomes
     * `completed` (only from `active`, only if the date and the runs still say so), its schedule
     * stops sweeping, and the audit log says Ruta did it. Idempotent.
     */
    async completePilot({ journeyId }: { journeyId: string }): Promise<{ completed: boolean }> {
      const rows = await sql<{ workspace_id: string; name: string; ends_at: string }[]>`
        update journeys j set status = 'completed', completed_at = now(), updated_at = now()
        where j.id = ${journeyId} and j.status = 'active'
          and j.activation -> 'pilot' ->> 'endsAt' is not null
          and (j.activation -> 'pilot' ->> 'endsAt')::date + 1 <= (now() at time zone 'utc')::date
          and not exists (select 1 from runs r
                          where r.journey_id = j.id and r.status = 'active' and not r.preview)
        returning j.workspace_id, j.name, j.activation -> 'pilot' ->> 'endsAt' as ends_at`;
      const journey = rows[0];
      if (!journey) return { completed: false };
      const schedule = deps.enrollment.temporal.schedule.getHandle(
        sweepScheduleId(deps.enrollment.workflowIdPrefix, journeyId),
      );
      await schedule.delete().catch((error: unknown) => {
        if (!(error instanceof ScheduleNotFoundError)) throw error;
      });
      await sql`
        insert into audit_log (workspace_id, action, actor_label, target_type, target_id, target_label, detail)
        values (${journey.workspace_id}, 'journey.pilot_completed', 'Ruta', 'journey', ${journeyId},
                ${journey.name}, ${sql.json({ endsAt: journey.ends_at })})`;
      return { completed: true };
    },
  };
}
