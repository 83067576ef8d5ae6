import type { JourneyDefinition, JourneySettings } from '@ruta/shared';

/** Pilot settings chosen at activation; they override the version's own settings for new runs. */
export type Activation = Partial<
  Pick<JourneySettings, 'reentry' | 'quietHours' | 'frequencyCap' | 'goal' | 'pilot'>
>;

/** The snapshot a run starts with: the immutable version plus the journey's activation settings. */
export function compileSnapshot(
  definition: JourneyDefinition,
  activation: Activation | null,
): JourneyDefinition {
  if (!activation) return definition;
  return { ...definition, settings: { ...definition.settings, ...activation } };
}
