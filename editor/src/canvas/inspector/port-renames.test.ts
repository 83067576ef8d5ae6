import { describe, expect, test } from 'vitest';
import { followRenames, renamedPorts } from './port-renames';
import { cleanPortInput, slugify, uniquePort } from './ports';

describe('renamedPorts', () => {
  test('a changed name at the same place is a rename', () => {
    expect(renamedPorts(['a', 'b', 'timeout'], ['a', 'c', 'timeout'])).toEqual([
      { from: 'b', to: 'c' },
    ]);
  });

  test('reorders, additions and removals are not renames', () => {
    expect(renamedPorts(['a', 'b', 'else'], ['b', 'a', 'else'])).toEqual([]);
    expect(renamedPorts(['a', 'else'], ['a', 'b', 'else'])).toEqual([]);
    expect(renamedPorts(['a', 'b', 'else'], ['b', 'else'])).toEqual([]);
  });

  test('exit marks follow a rename', () => {
    expect(followRenames(['failed', 'b'], [{ from: 'b', to: 'c' }])).toEqual(['failed', 'c']);
    expect(followRenames(undefined, [{ from: 'b', to: 'c' }])).toBeUndefined();
  });
});

describe('port names', () => {
  test('labels become slugs; typed names drop what a port cannot hold', () => {
    expect(slugify('¿Pidió la baja?')).toBe('pidio_la_baja');
    expect(cleanPortInput('Compró ya!')).toBe('Compro_ya');
    expect(uniquePort('a', ['a', 'a_2'])).toBe('a_3');
  });
});
