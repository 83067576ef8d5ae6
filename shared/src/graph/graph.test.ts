import { describe, expect, test } from 'vitest';
import { cyclicComponents, predecessorsOf, reachableFrom, successorsOf } from './graph';

const edges = (pairs: string) =>
  pairs.split(' ').map((pair) => {
    const [source = '', target = ''] = pair.split('>');
    return { source, target };
  });

describe('graph', () => {
  test('successorsOf ignores edges to unknown ids and repeats', () => {
    const successors = successorsOf(['a', 'b'], edges('a>b a>b a>z z>a'));
    expect([...successors]).toEqual([
      ['a', ['b']],
      ['b', []],
    ]);
  });

  test('reachableFrom follows edges breadth first', () => {
    const successors = successorsOf(['a', 'b', 'c', 'd'], edges('a>b b>c d>a'));
    expect([...reachableFrom(['a'], successors)]).toEqual(['a', 'b', 'c']);
    expect([...reachableFrom(['c'], predecessorsOf(successors))].sort()).toEqual([
      'a',
      'b',
      'c',
      'd',
    ]);
  });

  test('cyclicComponents finds loops and self-loops but not chains', () => {
    const successors = successorsOf(
      ['a', 'b', 'c', 'd', 'e', 'f'],
      edges('a>b b>c c>b c>d d>d e>f'),
    );
    expect(cyclicComponents(successors).map((component) => component.sort())).toEqual([
      ['d'],
      ['b', 'c'],
    ]);
  });

  test('a long chain does not overflow the stack', () => {
    const ids = Array.from({ length: 50_000 }, (_, index) => `n${index}`);
    const chain = ids.slice(1).map((id, index) => ({ source: ids[index] ?? '', target: id }));
    const successors = successorsOf(ids, [...chain, { source: 'n49999', target: 'n0' }]);
    expect(cyclicComponents(successors)).toHaveLength(1);
  });
});
