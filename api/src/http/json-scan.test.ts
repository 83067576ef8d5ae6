import { describe, expect, test } from 'vitest';
import { scanJson } from './json-scan';

describe('scanJson', () => {
  test('finds a NUL escape and names where it is', () => {
    expect(scanJson('{"contact":{"tags":["vip","a\\u0000b"]}}', 64)).toEqual({
      kind: 'nul',
      path: ['contact', 'tags', 1],
    });
    expect(scanJson('{"a\\u0000":1}', 64)).toEqual({ kind: 'nul', path: ['a\\u0000'] });
    expect(scanJson('[1,{"x":"ok"},{"y":"\\u0000"}]', 64)).toEqual({
      kind: 'nul',
      path: [2, 'y'],
    });
  });

  test('finds half a surrogate pair, which PostgreSQL jsonb refuses', () => {
    expect(scanJson('{"a":{"b":"x\\ud800"}}', 64)).toEqual({
      kind: 'lone_surrogate',
      path: ['a', 'b'],
    });
    expect(scanJson('{"a":"\\udc00x"}', 64)?.kind).toBe('lone_surrogate');
    expect(scanJson('{"a":"\\ud800\\u0041"}', 64)?.kind).toBe('lone_surrogate');
    expect(scanJson('{"\\ud800":1}', 64)?.kind).toBe('lone_surrogate');
    expect(scanJson('{"a":"\\ud83c\\udf35 and 🌵"}', 64)).toBeUndefined();
  });

  test('a backslash before u0000 is not a NUL', () => {
    expect(scanJson('{"path":"C:\\\\u0000"}', 64)).toBeUndefined();
  });

  test('finds nesting deeper than the limit, with the path to it', () => {
    expect(scanJson(`${'['.repeat(5000)}${']'.repeat(5000)}`, 64)).toEqual({
      kind: 'too_deep',
      path: Array(64).fill(0),
    });
    expect(scanJson('{"a":{"b":{"c":1}}}', 2)).toEqual({ kind: 'too_deep', path: ['a', 'b'] });
    expect(scanJson('{"a":{"b":1}}', 2)).toBeUndefined();
  });

  test('ordinary JSON, unicode and escaped quotes pass', () => {
    expect(
      scanJson('{"name":"Lucía \\"la\\" 🌵","items":[{"q":2},{"q":3}],"k{":"[,"}', 64),
    ).toBeUndefined();
  });
});
