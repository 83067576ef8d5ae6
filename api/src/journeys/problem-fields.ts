import type { ValidationProblem } from '@ruta/shared';
import { type FieldProblem, fieldPath, localizedField } from '../http/problem';

/** A journey's validation problems as field errors, each on its node when it has one. */
export function journeyProblemFields(problems: readonly ValidationProblem[]): FieldProblem[] {
  return problems.map((p) =>
    localizedField(fieldPath(p.path), p.code, p.message, p.nodeId ? { nodeId: p.nodeId } : {}),
  );
}
