/**
 * The payload bytes a workflow history carries (inputs, results, signal arguments, headers): every
 * binary field in it, summed. What grows Temporal's storage and what each workflow task moves.
 */
export function historyBytes(history: unknown): number {
  let bytes = 0;
  const visit = (value: unknown) => {
    if (value instanceof Uint8Array) {
      bytes += value.byteLength;
      return;
    }
    if (Array.isArray(value)) for (const item of value) visit(item);
    else if (value && typeof value === 'object')
      for (const item of Object.values(value)) visit(item);
  };
  visit(history);
  return bytes;
}
