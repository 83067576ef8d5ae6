import { type NodeType, nodeKinds } from '@ruta/shared';
import { describe, expect, test } from 'vitest';
import { nodeTypes } from '../nodes/node-types';
import { defaultNode, editorKinds, kindColorVariables, PALETTE_KINDS } from './index';

const sharedKinds = Object.keys(nodeKinds).sort() as NodeType[];

describe('one module per step kind', () => {
  test('every kind shared/ knows is in the editor registry, and nothing else', () => {
    expect(Object.keys(editorKinds).sort()).toEqual(sharedKinds);
  });

  test('every kind is drawn by React Flow, offered by the palette and coloured in CSS', () => {
    expect(Object.keys(nodeTypes).sort()).toEqual(['trigger', ...sharedKinds].sort());
    expect([...PALETTE_KINDS].sort()).toEqual(sharedKinds);
    const variables = kindColorVariables() as Record<string, string>;
    for (const kind of ['trigger', ...sharedKinds])
      expect(variables[`--k-${kind}`], kind).toMatch(/^#[0-9a-f]{6}$/);
  });

  test.each(sharedKinds)('%s: its own type, a form, a name in every language', (type) => {
    const kind = editorKinds[type];
    expect(kind.type).toBe(type);
    expect(typeof kind.Form).toBe('function');
    for (const lang of ['es', 'pt', 'en'] as const)
      expect(nodeKinds[type].label[lang].trim(), lang).not.toBe('');
  });

  test.each(sharedKinds)('%s: a dropped step passes its schema, fresh each time', (type) => {
    const node = defaultNode(type);
    expect(node.type).toBe(type);
    const parsed = nodeKinds[type].schema.safeParse(node);
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(defaultNode(type)).not.toBe(node);
  });
});
