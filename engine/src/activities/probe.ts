import type { ActivityDeps } from './deps';

export function createProbeActivities({ sql, workerIdentity }: ActivityDeps) {
  return {
    async recordProbe(probeId: string): Promise<{ workerIdentity: string }> {
      await sql`
        insert into worker_probes (id, worker_identity) values (${probeId}, ${workerIdentity})
        on conflict (id) do nothing`;
      return { workerIdentity };
    },
  };
}
