import { describe, expect, test } from 'vitest';
import { createSlots } from './render-slots';

describe('createSlots', () => {
  test('runs at most `max` tasks at once, the rest in order, and frees a slot on failure', async () => {
    const slots = createSlots(2);
    let running = 0;
    let most = 0;
    const order: number[] = [];
    const task = (i: number) => async () => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running--;
      order.push(i);
      if (i === 1) throw new Error('boom');
      return i;
    };
    const results = await Promise.allSettled([0, 1, 2, 3, 4, 5].map((i) => slots.run(task(i))));
    expect(most).toBe(2);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
    expect(order.slice(2)).toEqual([2, 3, 4, 5]);
    expect(slots.active).toBe(0);
    expect(slots.waiting).toBe(0);
  });
});
