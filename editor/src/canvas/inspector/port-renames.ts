/**
 * Output ports renamed by an edit: same number of ports, and at some position an old name that is
 * gone replaced by a new name that did not exist. Reorders and additions are not renames.
 */
export function renamedPorts(
  before: readonly string[],
  after: readonly string[],
): Array<{ from: string; to: string }> {
  if (before.length !== after.length) return [];
  const oldSet = new Set(before);
  const newSet = new Set(after);
  const renames: Array<{ from: string; to: string }> = [];
  before.forEach((from, index) => {
    const to = after[index];
    if (to === undefined || to === from) return;
    if (!newSet.has(from) && !oldSet.has(to)) renames.push({ from, to });
  });
  return renames;
}

/** `exitPorts` with renamed ports followed, so an output left to exit stays left to exit. */
export function followRenames(
  exitPorts: readonly string[] | undefined,
  renames: ReadonlyArray<{ from: string; to: string }>,
): string[] | undefined {
  if (!exitPorts || renames.length === 0) return exitPorts ? [...exitPorts] : undefined;
  return exitPorts.map((port) => renames.find((rename) => rename.from === port)?.to ?? port);
}
