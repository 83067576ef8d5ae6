import { Liquid } from 'liquidjs';
import { money } from './money-filter';

/** Milliseconds one render may take: stops a runaway template, yet never fails a normal message on a busy worker. */
export const RENDER_LIMIT_MS = 1_000;

/**
 * The one Liquid engine used everywhere (editor preview, validation, sends).
 * Unknown filters are parse errors; prototype properties are never readable; templates
 * cannot load other files (no include/render/layout), so rendering needs no file system.
 */
export const liquid = new Liquid({
  strictFilters: true,
  strictVariables: false,
  ownPropertyOnly: true,
  parseLimit: 100_000,
  renderLimit: RENDER_LIMIT_MS,
  memoryLimit: 10_000_000,
});

for (const tag of ['include', 'render', 'layout']) delete liquid.tags[tag];
liquid.registerFilter('money', money);
