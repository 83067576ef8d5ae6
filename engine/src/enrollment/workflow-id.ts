/**
 * `journey/{journeyId}/contact/{contactId}` plus `/{entryKey}` for keyed triggers: the id itself
 * enforces "one run per contact (per cart) at a time". `prefix` isolates test suites.
 */
export function journeyWorkflowId(parts: {
  prefix?: string;
  journeyId: string;
  contactId: string;
  entryKey?: string;
}): string {
  const base = `${parts.prefix ?? ''}journey/${parts.journeyId}/contact/${parts.contactId}`;
  return parts.entryKey === undefined ? base : `${base}/${encodeURIComponent(parts.entryKey)}`;
}

export function previewWorkflowId(parts: {
  prefix?: string;
  journeyId: string;
  contactId: string;
  runId: string;
}) {
  return `${parts.prefix ?? ''}preview/journey/${parts.journeyId}/contact/${parts.contactId}/${parts.runId}`;
}
