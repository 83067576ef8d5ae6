/** How an agent closes a hand-off; each is an output of a step that waits for the agent. */
export const HANDOFF_RESULTS = ['sold', 'solved', 'no_sale'] as const;
export type HandoffResult = (typeof HANDOFF_RESULTS)[number];

/** How long a run that waits for the agent gives them when the step does not say. */
export const DEFAULT_HANDOFF_TIMEOUT = { amount: 2, unit: 'days' } as const;
