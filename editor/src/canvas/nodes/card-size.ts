import type { CardKind } from '../kinds/index';

/** Wide enough for every output's label: 240 px, more for steps with many outputs; exits are narrower. */
export function cardWidth(kind: CardKind, ports: number): number {
  return kind === 'exit' ? 200 : Math.max(240, ports * 96);
}

/**
 * The tallest a card grows (title, a summary of up to three lines, two-line port labels): the
 * box the layout keeps free for it, so no connection is routed under a card.
 */
export function cardHeight(kind: CardKind): number {
  return kind === 'exit' ? 96 : 150;
}

/**
 * Where the card draws the handle of its `index`-th output, from its left edge: the ports row
 * (1.5 px border, 4 px padding, 2 px gaps) splits the width evenly and centres each handle.
 */
export function portX(width: number, ports: number, index: number): number {
  const cell = (width - 3 - 8 - 2 * (ports - 1)) / ports;
  return 1.5 + 4 + index * (cell + 2) + cell / 2;
}
