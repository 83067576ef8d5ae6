import type { Template } from 'liquidjs';
import { liquid } from './engine';
import { parseLiquid } from './parse-template';

type Segments = ReadonlyArray<string | number | Segments>;

/**
 * The context variables a template reads, as dotted paths ('contact.first_name', 'event.items').
 * Loop variables and `assign`ed names are not included. A path stops at the first index or
 * computed key: `event.items[0].name` → 'event.items', `contact[event.key]` → 'contact' (plus
 * 'event.key'). A template that does not parse has no variables (see `parseTemplate`).
 */
export function templateVariables(source: string): string[] {
  const parsed = parseLiquid(source);
  return parsed.ok ? variablesOf(parsed.templates) : [];
}

export function variablesOf(templates: Template[]): string[] {
  const paths = new Set<string>();
  try {
    for (const segments of liquid.globalVariableSegmentsSync(templates, { partials: false })) {
      const path = staticPrefix(segments);
      if (path.length > 0) paths.add(path.join('.'));
    }
  } catch {
    // Analysis of a parsed template should not fail; if it ever does, report nothing rather than throw.
  }
  return [...paths];
}

export function staticPrefix(segments: Segments): string[] {
  const path: string[] = [];
  for (const segment of segments) {
    if (typeof segment !== 'string') break;
    path.push(segment);
  }
  return path;
}
