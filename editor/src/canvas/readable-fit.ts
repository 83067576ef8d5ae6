/**
 * The smallest zoom at which a card's smallest text (port labels, 12.5 px) still reads at 11 px
 * on screen. «Ajustar» never zooms out past it: a long journey opens readable at its entry, and
 * the rest is a scroll away (zooming out by hand still works).
 */
export const READABLE_ZOOM = 0.88;

type Rect = { x: number; y: number; width: number; height: number };
export type Viewport = { x: number; y: number; zoom: number };

/**
 * Where «Ajustar» puts the journey: all of it, centred, when it fits at a readable zoom (never
 * above 100 %); otherwise readable, its top at the top and the entry card in view.
 */
export function readableViewport(
  bounds: Rect,
  screen: { width: number; height: number },
  entry: Rect | undefined,
  padding = 32,
): Viewport {
  const room = { width: screen.width - 2 * padding, height: screen.height - 2 * padding };
  const fit = Math.min(room.width / bounds.width, room.height / bounds.height, 1);
  const zoom = Math.max(fit, READABLE_ZOOM);
  const centre = (start: number, size: number, available: number) =>
    (available - size * zoom) / 2 - start * zoom;
  if (zoom === fit)
    return {
      zoom,
      x: centre(bounds.x, bounds.width, screen.width),
      y: centre(bounds.y, bounds.height, screen.height),
    };
  const wide = bounds.width * zoom > room.width;
  const x = !wide
    ? centre(bounds.x, bounds.width, screen.width)
    : entry
      ? screen.width / 2 - (entry.x + entry.width / 2) * zoom
      : padding - bounds.x * zoom;
  const y =
    bounds.height * zoom > room.height
      ? padding - bounds.y * zoom
      : centre(bounds.y, bounds.height, screen.height);
  return { zoom, x, y };
}
