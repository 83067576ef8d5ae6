import type { Localized } from '../model/index';
import { liquid } from './engine';
import { toTemplateError } from './liquid-error';
import { parseLiquid } from './parse-template';
import { renderSlots } from './render-slots';
import { variablesOf } from './template-variables';

export type RenderResult =
  | { ok: true; text: string; missing: string[] }
  | { ok: false; error: Localized; line?: number; column?: number };

export type RenderOptions = {
  /** Overrides the engine's render time limit (milliseconds). */
  renderLimitMs?: number;
};

/**
 * Renders a template against a context (see `buildTemplateContext`). Never throws: parse errors,
 * runaway loops, templates that write too much and filter failures come back as
 * `{ ok: false, error }`. At most RENDER_CONCURRENCY renders run at once per process. Variables with no value
 * render empty and are listed in `missing` so the timeline can say what was left blank.
 */
export async function renderTemplate(
  source: string,
  context: Record<string, unknown>,
  opts: RenderOptions = {},
): Promise<RenderResult> {
  const parsed = parseLiquid(source);
  if (!parsed.ok) return parsed;
  try {
    const renderOptions =
      opts.renderLimitMs === undefined ? {} : { renderLimit: opts.renderLimitMs };
    const text: unknown = await renderSlots.run(() =>
      liquid.render(parsed.templates, context, renderOptions),
    );
    const missing = variablesOf(parsed.templates).filter((path) => !hasValue(context, path));
    return { ok: true, text: String(text), missing };
  } catch (thrown) {
    return { ok: false, ...toTemplateError(thrown) };
  }
}

function hasValue(context: Record<string, unknown>, path: string): boolean {
  let current: unknown = context;
  for (const key of path.split('.')) {
    current = property(current, key);
    if (current === undefined || current === null) return false;
  }
  return true;
}

// Mirrors how Liquid reads a property: own properties only, plus size/first/last on lists and text.
function property(value: unknown, key: string): unknown {
  if (Array.isArray(value) || typeof value === 'string') {
    if (key === 'size') return value.length;
    if (key === 'first') return value[0];
    if (key === 'last') return value[value.length - 1];
  }
  if (typeof value === 'object' && value !== null && Object.hasOwn(value, key)) {
    return (value as Record<string, unknown>)[key];
  }
  return undefined;
}
