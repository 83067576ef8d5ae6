import type { Template } from 'liquidjs';
import { liquid } from './engine';
import { type TemplateError, toTemplateError } from './liquid-error';

export type ParsedTemplate = { ok: true; templates: Template[] } | ({ ok: false } & TemplateError);

/** Parses with the shared engine; never throws. */
export function parseLiquid(source: string): ParsedTemplate {
  try {
    return { ok: true, templates: liquid.parse(source) };
  } catch (thrown) {
    return { ok: false, ...toTemplateError(thrown) };
  }
}

/** For validation: does this text parse as a template? The error carries line and column. */
export function parseTemplate(source: string): { ok: true } | ({ ok: false } & TemplateError) {
  const parsed = parseLiquid(source);
  return parsed.ok ? { ok: true } : parsed;
}
