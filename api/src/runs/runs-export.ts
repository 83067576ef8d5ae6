import type { Sql } from '@ruta/platform';
import { csvCell } from '@ruta/shared';

const COLUMNS = [
  'run_id',
  'journey',
  'version',
  'contact_external_id',
  'contact_name',
  'phone',
  'email',
  'group',
  'status',
  'outcome',
  'step',
  'started_at',
  'ended_at',
  'converted_at',
] as const;

/**
 * Every run of a journey (or the workspace) as CSV, streamed from a cursor so a pilot of any size
 * downloads without being held in memory; preview runs left out. Steps by name, as the list shows.
 */
export function runsCsv(sql: Sql, workspaceId: string, journeyId: string | undefined) {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      try {
        controller.enqueue(encoder.encode(`\uFEFF${COLUMNS.join(',')}\r\n`));
        const cursor = sql`
          select r.id as run_id, j.name as journey, v.version, ct.external_id as contact_external_id,
                 trim(coalesce(ct.first_name, '') || ' ' || coalesce(ct.last_name, '')) as contact_name,
                 ct.phone, ct.email, r.pilot_group as group, r.status, r.outcome,
                 coalesce(v.definition -> 'nodes' -> r.current_node ->> 'name', r.current_node) as step,
                 r.started_at, r.ended_at, r.converted_at
          from runs r join journeys j on j.id = r.journey_id join journey_versions v on v.id = r.version_id
          join contacts ct on ct.id = r.contact_id
          where r.workspace_id = ${workspaceId} and not r.preview
            ${journeyId ? sql`and r.journey_id = ${journeyId}` : sql``}
          order by r.started_at`.cursor(1_000);
        for await (const rows of cursor) {
          const lines = rows.map(
            (row) =>
              `${COLUMNS.map((column) => {
                const value = row[column];
                return csvCell(value instanceof Date ? value.toISOString() : value);
              }).join(',')}\r\n`,
          );
          controller.enqueue(encoder.encode(lines.join('')));
        }
        controller.close();
      } catch (error) {
        controller.error(error);
      }
    },
  });
}
