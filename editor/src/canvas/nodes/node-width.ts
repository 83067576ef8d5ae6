/** Wide enough for every output's label: 240 px, more for steps with many outputs. */
export function nodeWidth(ports: number): number {
  return Math.max(240, ports * 78);
}
