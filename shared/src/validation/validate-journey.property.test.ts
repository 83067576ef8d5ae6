import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { journeyTemplates } from '../templates/index';
import { validateJourney } from './index';
import { ValidationProblem } from './problem';

type Json = unknown;
type Path = (string | number)[];

/** Every path to a value inside a JSON document, root included. */
function pathsOf(value: Json, prefix: Path = []): Path[] {
  const paths: Path[] = [prefix];
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      paths.push(...pathsOf(item, [...prefix, index]));
    });
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) paths.push(...pathsOf(item, [...prefix, key]));
  }
  return paths;
}

type Mutation = { kind: 'set'; value: Json } | { kind: 'delete' } | { kind: 'copy'; from: number };

const valueAt = (document: Json, path: Path): Json =>
  path.reduce<Json>((value, key) => (value as Record<string | number, Json>)[key], document);

/** Applies one change at `path`; 'copy' takes a subtree of the original template (`origin`). */
function mutate(
  document: Json,
  path: Path,
  mutation: Mutation,
  origin: { document: Json; paths: Path[] },
): Json {
  const copy = structuredClone(document);
  if (path.length === 0) return mutation.kind === 'set' ? mutation.value : copy;
  const parent = valueAt(copy, path.slice(0, -1)) as Record<string | number, Json> | Json[];
  const key = path[path.length - 1] as string | number;
  if (mutation.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key];
  } else {
    const value =
      mutation.kind === 'set'
        ? mutation.value
        : structuredClone(
            valueAt(origin.document, origin.paths[mutation.from % origin.paths.length] ?? []),
          );
    (parent as Record<string | number, Json>)[key] = value;
  }
  return copy;
}

function expectWellFormed(input: unknown) {
  const problems = validateJourney(input, { knownContactAttributes: ['last_order_at'] });
  for (const problem of problems) {
    expect(ValidationProblem.safeParse(problem).success).toBe(true);
    expect(problem.code).not.toBe('unreadable_journey');
    expect(problem.message.es.length).toBeGreaterThan(0);
    expect(problem.message.en.length).toBeGreaterThan(0);
  }
  return problems;
}

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), value: fc.jsonValue() }),
  fc.record({
    kind: fc.constant('set' as const),
    value: fc.constantFrom('', 0, -1, null, [], {}, 'trigger', 'timeout', '{{ x', '{{ event.y }}'),
  }),
  fc.record({ kind: fc.constant('delete' as const) }),
  fc.record({ kind: fc.constant('copy' as const), from: fc.nat() }),
);

describe('validateJourney never throws', () => {
  test('on anything at all', () => {
    fc.assert(
      fc.property(
        fc.anything({
          withNullPrototype: true,
          withBoxedValues: true,
          withMap: true,
          withSet: true,
        }),
        (input) => {
          expectWellFormed(input);
        },
      ),
    );
  });

  test('on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (input) => {
        expectWellFormed(input);
      }),
    );
  });

  test('on journey-shaped JSON', () => {
    const shaped = fc.record({
      schemaVersion: fc.constantFrom(1, 2),
      trigger: fc.oneof(
        fc.jsonValue(),
        fc.record({ kind: fc.constantFrom('event', 'manual', 'schedule') }),
      ),
      nodes: fc.dictionary(
        fc.string(),
        fc.oneof(
          fc.jsonValue(),
          fc.record({ type: fc.constantFrom('send', 'wait_for', 'split', 'branch', 'exit') }),
        ),
      ),
      edges: fc.array(
        fc.record({
          id: fc.string(),
          source: fc.string(),
          sourcePort: fc.string(),
          target: fc.string(),
        }),
      ),
    });
    fc.assert(
      fc.property(shaped, (input) => {
        expectWellFormed(input);
      }),
    );
  });

  test.each(journeyTemplates.map((template) => [template.id, template] as const))(
    'on random mutations of the %s template',
    (_id, template) => {
      const document = JSON.parse(JSON.stringify(template.definition)) as Json;
      const paths = pathsOf(document);
      fc.assert(
        fc.property(
          fc.array(fc.tuple(fc.nat(), mutation), { minLength: 1, maxLength: 4 }),
          (steps) => {
            let current = document;
            for (const [pick, change] of steps) {
              const currentPaths = pathsOf(current);
              const path = currentPaths[pick % currentPaths.length] ?? [];
              current = mutate(current, path, change, { document, paths });
            }
            expectWellFormed(current);
          },
        ),
        { numRuns: 300 },
      );
    },
  );
});
