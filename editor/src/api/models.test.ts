import type { JourneyDefinition } from '@ruta/shared';
import { expectTypeOf, test } from 'vitest';
import type {
  Conversation,
  JourneyAnalytics,
  JourneyDetail,
  JourneySummary,
  Me,
  RunDetail,
  RunSummary,
  TemplateSummary,
} from './models';

// Checked by the type-checker (`pnpm typecheck`): the editor's view of each answer comes from
// the API's route schemas, so none may decay to `any` or `unknown`, and the journey it draws is
// the shared JourneyDefinition.
test('every answer the editor reads is typed by the API', () => {
  expectTypeOf<Me>().not.toBeAny();
  expectTypeOf<Me>().not.toBeUnknown();
  expectTypeOf<JourneySummary>().not.toBeAny();
  expectTypeOf<JourneySummary>().not.toBeUnknown();
  expectTypeOf<JourneyDetail>().not.toBeAny();
  expectTypeOf<JourneyDetail>().not.toBeUnknown();
  expectTypeOf<TemplateSummary>().not.toBeAny();
  expectTypeOf<TemplateSummary>().not.toBeUnknown();
  expectTypeOf<RunSummary>().not.toBeAny();
  expectTypeOf<RunSummary>().not.toBeUnknown();
  expectTypeOf<RunDetail>().not.toBeAny();
  expectTypeOf<RunDetail>().not.toBeUnknown();
  expectTypeOf<Conversation>().not.toBeAny();
  expectTypeOf<Conversation>().not.toBeUnknown();
  expectTypeOf<JourneyAnalytics>().not.toBeAny();
  expectTypeOf<JourneyAnalytics>().not.toBeUnknown();
  expectTypeOf<JourneyDetail['status']>().toEqualTypeOf<
    'draft' | 'active' | 'paused' | 'stopped' | 'completed' | 'archived'
  >();
  expectTypeOf<JourneyDetail['draft']>().toEqualTypeOf<JourneyDefinition>();
  expectTypeOf<RunSummary['pilot_group']>().toEqualTypeOf<'treatment' | 'holdout'>();
  expectTypeOf<JourneyAnalytics['lift']['significant']>().toEqualTypeOf<boolean>();
});
