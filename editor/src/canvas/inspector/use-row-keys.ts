import { useRef } from 'react';
import { moveAt, removeAt } from './list';

/**
 * Stable React keys for the rows of a controlled list, so a row keeps its inputs' state and focus
 * when another row is removed or moved. Call `removed`/`moved` together with the change.
 */
export function useRowKeys(length: number) {
  const ref = useRef({ keys: [] as string[], next: 0 });
  const state = ref.current;
  while (state.keys.length < length) state.keys.push(`row-${state.next++}`);
  if (state.keys.length > length) state.keys.length = length;
  return {
    keys: state.keys,
    removed(index: number) {
      state.keys = removeAt(state.keys, index);
    },
    moved(index: number, delta: number) {
      state.keys = moveAt(state.keys, index, delta);
    },
  };
}
