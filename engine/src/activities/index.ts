import { createContactActivities } from './contacts';
import type { ActivityDeps } from './deps';
import { createHandoffActivities } from './handoff';
import { createJournalActivities } from './journal';
import { createPilotActivities } from './pilot';
import { createProbeActivities } from './probe';
import { createSendActivities } from './send';
import { createSourcePollActivities } from './source-poll';
import { createSweepActivities } from './sweep';
import { createWebhookActivities } from './webhook';

export type { ActivityDeps } from './deps';

/** Every activity the workflows may call, built around injected dependencies. */
export function createActivities(deps: ActivityDeps) {
  return {
    ...createProbeActivities(deps),
    ...createContactActivities(deps),
    ...createJournalActivities(deps),
    ...createSendActivities(deps),
    ...createWebhookActivities(deps),
    ...createHandoffActivities(deps),
    ...createSweepActivities(deps),
    ...createPilotActivities(deps),
    ...createSourcePollActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
