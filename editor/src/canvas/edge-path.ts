import type { Point } from './elk-layout';

/**
 * ELK's orthogonal route fitted to where React Flow draws the two handles: the first and last
 * bends move sideways onto the handles, so every segment stays vertical or horizontal. Undefined
 * when the route no longer fits (a card grew past its box): the caller draws its own path.
 * Returns the SVG path and the point halfway along it (for a label or a button).
 */
export function routedPath(
  route: Point[],
  source: Point,
  target: Point,
  radius = 12,
): [path: string, labelX: number, labelY: number] | undefined {
  if (route.length < 2) return undefined;
  const bends = route.slice(1, -1).map((p) => ({ ...p }));
  if (bends.length % 2 === 1) return undefined;
  const first = bends[0];
  const last = bends.at(-1);
  if (first && last) {
    first.x = source.x;
    last.x = target.x;
    if (first.y <= source.y + 2 || last.y >= target.y - 2) return undefined;
  } else if (Math.abs(source.x - target.x) > 1 || target.y <= source.y) return undefined;
  const points = [source, ...bends, target];
  const [labelX, labelY] = halfway(points);
  return [roundedCorners(points, radius), labelX, labelY];
}

function roundedCorners(points: Point[], radius: number): string {
  const [start, ...rest] = points as [Point, ...Point[]];
  let d = `M ${start.x} ${start.y}`;
  for (let i = 0; i < rest.length; i++) {
    const at = rest[i] as Point;
    const before = points[i] as Point;
    const after = rest[i + 1];
    if (!after) {
      d += ` L ${at.x} ${at.y}`;
      break;
    }
    const r = Math.min(radius, distance(before, at) / 2, distance(at, after) / 2);
    const into = toward(at, before, r);
    const out = toward(at, after, r);
    d += ` L ${into.x} ${into.y} Q ${at.x} ${at.y} ${out.x} ${out.y}`;
  }
  return d;
}

function halfway(points: Point[]): [number, number] {
  const lengths = points.slice(1).map((p, i) => distance(points[i] as Point, p));
  let left = lengths.reduce((a, b) => a + b, 0) / 2;
  for (let i = 0; i < lengths.length; i++) {
    const length = lengths[i] as number;
    if (left <= length) {
      const from = points[i] as Point;
      const to = points[i + 1] as Point;
      const t = length === 0 ? 0 : left / length;
      return [from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t];
    }
    left -= length;
  }
  const end = points.at(-1) as Point;
  return [end.x, end.y];
}

const distance = (a: Point, b: Point) => Math.hypot(b.x - a.x, b.y - a.y);

function toward(from: Point, to: Point, by: number): Point {
  const length = distance(from, to);
  if (length === 0) return from;
  return {
    x: from.x + ((to.x - from.x) * by) / length,
    y: from.y + ((to.y - from.y) * by) / length,
  };
}
