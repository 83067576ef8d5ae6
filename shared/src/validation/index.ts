import { JourneyDefinition } from '../model/definition';
import { conditionProblems } from './condition-problems';
import { cycleProblems } from './cycle-problems';
import { graphProblems } from './graph-problems';
import { viewJourney } from './journey-view';
import type { ValidateOptions, ValidationProblem } from './problem';
import { referenceProblems } from './reference-problems';
import { schemaProblems } from './schema-problems';
import { templateProblems } from './template-problems';

export { liquidSources } from './liquid-fields';
export { type ValidateOptions, ValidationProblem } from './problem';
export { fieldIssue } from './schema-problems';
export { CONTACT_FIELDS } from './template-problems';

/**
 * Every problem with a journey version, for editor, API and engine alike; `[]` means valid.
 * Pure and total: any input, however broken, gives a list (graph checks run on whatever parsed).
 */
export function validateJourney(
  input: unknown,
  options: ValidateOptions = {},
): ValidationProblem[] {
  try {
    const parsed = JourneyDefinition.safeParse(input);
    const problems = parsed.success ? [] : schemaProblems(parsed.error.issues, input);
    const view = viewJourney(input, parsed.success ? parsed.data : undefined);
    return [
      ...problems,
      ...graphProblems(view),
      ...cycleProblems(view),
      ...referenceProblems(view),
      ...templateProblems(view, options),
      ...conditionProblems(view, options),
    ];
  } catch {
    // Not expected (a property test feeds arbitrary input); still, a validator must answer.
    return [
      {
        code: 'unreadable_journey',
        path: [],
        message: {
          es: 'No se pudo leer el recorrido; revisa que sea un JSON de recorrido.',
          pt: 'Não foi possível ler o fluxo; confira se é um JSON de fluxo.',
          en: 'The journey could not be read; check that it is journey JSON.',
        },
      },
    ];
  }
}
