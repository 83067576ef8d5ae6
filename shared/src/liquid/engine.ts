import { type Context, type Emitter, Liquid, type Template, toValue } from 'liquidjs';
import { money } from './money-filter';

/** Milliseconds one render may take: stops a runaway template, yet never fails a normal message on a busy worker. */
export const RENDER_LIMIT_MS = 1_000;

/**
 * What one render may allocate, in LiquidJS's units (characters of output, elements of ranges and
 * arrays built by filters). Every character written counts too (see `ChargedEmitter`), so a
 * message is at most about 1 MB of text: a long email is a few dozen KB.
 */
export const RENDER_MEMORY_LIMIT = 1_000_000;

/**
 * The one Liquid engine used everywhere (editor preview, validation, sends).
 * Unknown filters are parse errors; prototype properties are never readable; templates
 * cannot load other files (no include/render/layout), so rendering needs no file system.
 * Renders are bounded in time (`renderLimit`), in what they allocate and write (`memoryLimit`),
 * and templates in length (`parseLimit`).
 */
export const liquid = new Liquid({
  strictFilters: true,
  strictVariables: false,
  ownPropertyOnly: true,
  parseLimit: 100_000,
  renderLimit: RENDER_LIMIT_MS,
  memoryLimit: RENDER_MEMORY_LIMIT,
});

for (const tag of ['include', 'render', 'layout']) delete liquid.tags[tag];
liquid.registerFilter('money', money);

/**
 * LiquidJS charges ranges and filters to `memoryLimit` but not what a template writes: a loop
 * that prints a little many times (or a `capture` of it) grew without bound until the time limit
 * (~300 MB per render). Every emitter the engine creates now charges each write to the render's
 * own memory limit, so output is bounded by the same LiquidJS limit.
 */
class ChargedEmitter implements Emitter {
  buffer = '';
  constructor(private readonly ctx: Context) {}
  write(html: unknown): void {
    const text = stringify(html);
    this.ctx.memoryLimit.use(text.length);
    this.buffer += text;
  }
}

function stringify(value: unknown): string {
  const plain = toValue(value);
  if (typeof plain === 'string') return plain;
  if (plain === null || plain === undefined) return '';
  if (Array.isArray(plain)) return plain.map(stringify).join('');
  return String(plain);
}

const renderTemplates = liquid.renderer.renderTemplates.bind(liquid.renderer);
liquid.renderer.renderTemplates = function* chargedRender(
  templates: Template[],
  ctx: Context,
  emitter?: Emitter,
) {
  return yield* renderTemplates(templates, ctx, emitter ?? new ChargedEmitter(ctx));
};
