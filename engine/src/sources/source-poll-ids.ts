/** The Temporal Schedule that reads a Tiendanube source's abandoned checkouts. */
export function sourcePollScheduleId(prefix: string | undefined, sourceId: string): string {
  return `${prefix ?? ''}source-poll/${sourceId}`;
}
