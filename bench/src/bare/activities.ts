/** The bare workflows' activities: they do nothing, so only the engine's own cost is measured. */
export function createBareActivities() {
  return {
    async send(request: { step: string; consent?: boolean }): Promise<{ sent: boolean }> {
      return { sent: request.consent !== false };
    },
    async updateContact(_change: { optOut: boolean }): Promise<void> {},
    async handoff(_task: { queue: string }): Promise<void> {},
  };
}

export type BareActivities = ReturnType<typeof createBareActivities>;
