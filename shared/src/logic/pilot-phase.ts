/**
 * A pilot's phase, one definition for the engine (who may still enter), the API and the editor:
 * `running` until its end date is over (the whole day counts, in UTC), then `finishing` while
 * runs are still in flight (nobody new enters; those inside finish their journey), then `ended`.
 */
export type PilotPhase = 'running' | 'finishing' | 'ended';

const DAY_MS = 86_400_000;

/** When the pilot stops taking entries (ms since epoch): the end of its end date's day, UTC. */
export function pilotClosesAt(endsAt: string | undefined | null): number | undefined {
  if (!endsAt) return undefined;
  const end = Date.parse(`${endsAt.slice(0, 10)}T00:00:00Z`);
  return Number.isFinite(end) ? end + DAY_MS : undefined;
}

/** Whether the pilot no longer takes new entries: its end date (YYYY-MM-DD) is over. */
export function pilotClosed(endsAt: string | undefined | null, now: Date = new Date()): boolean {
  const closesAt = pilotClosesAt(endsAt);
  return closesAt !== undefined && now.getTime() >= closesAt;
}

/** Null for a journey that is not active (or completed: `ended`) or has no end date. */
export function pilotPhase(input: {
  status: string;
  endsAt: string | undefined | null;
  inFlight: number;
  now?: Date;
}): PilotPhase | null {
  if (input.status === 'completed') return 'ended';
  if (input.status !== 'active' || !input.endsAt) return null;
  if (!pilotClosed(input.endsAt, input.now)) return 'running';
  return input.inFlight > 0 ? 'finishing' : 'ended';
}
