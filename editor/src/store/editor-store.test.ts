import { getJourneyTemplate } from '@ruta/shared';
import { describe, expect, test } from 'vitest';
import { createEditorStore } from './editor-store';

function cartStore() {
  const template = getJourneyTemplate('abandoned_cart')!;
  return createEditorStore({
    journeyId: 'j1',
    definition: template.definition,
    layout: template.layout,
  });
}

describe('editor store', () => {
  test('starts valid and saved; an edit is validated at once and marks the draft dirty', () => {
    const store = cartStore();
    expect(store.getState().problems).toEqual([]);
    expect(store.getState().save.status).toBe('saved');
    store.getState().deleteEdges(['wait_cart.timeout']);
    expect(store.getState().problems.map((p) => p.code)).toContain('unconnected_port');
    expect(store.getState().save.status).toBe('dirty');
  });

  test('a hand-off that starts waiting for the agent sends each result where «después» went, and back', () => {
    const store = cartStore();
    const node = store.getState().definition.nodes.handoff_help!;
    if (node.type !== 'handoff') throw new Error('expected handoff');
    store.getState().updateNode('handoff_help', { ...node, waitForAgent: true });
    const from = () =>
      store
        .getState()
        .definition.edges.filter((e) => e.source === 'handoff_help')
        .map((e) => `${e.sourcePort}→${e.target}`)
        .sort();
    expect(from()).toEqual([
      'no_sale→exit_handed_off',
      'sold→exit_handed_off',
      'solved→exit_handed_off',
      'timeout→exit_handed_off',
    ]);
    expect(store.getState().problems).toEqual([]);
    store.getState().updateNode('handoff_help', node);
    expect(from()).toEqual(['next→exit_handed_off']);
    expect(store.getState().problems).toEqual([]);
  });

  test('dropping a node onto a connection inserts it between the two steps', () => {
    const store = cartStore();
    const id = store.getState().addNode('wait', { x: 10, y: 10 }, 'send_cart.sent');
    const edges = store.getState().definition.edges;
    expect(id).toBe('wait_1');
    expect(edges).toContainEqual({
      id: 'send_cart.sent',
      source: 'send_cart',
      sourcePort: 'sent',
      target: 'wait_1',
    });
    expect(edges).toContainEqual({
      id: 'wait_1.next',
      source: 'wait_1',
      sourcePort: 'next',
      target: 'wait_cart',
    });
    expect(store.getState().selectedId).toBe('wait_1');
    expect(store.getState().problems).toEqual([]);
  });

  test('one connection per output: connecting again replaces it; nothing connects into the trigger', () => {
    const store = cartStore();
    store.getState().connect('wait_cart', 'timeout', 'exit_no_response');
    const timeouts = store
      .getState()
      .definition.edges.filter((e) => e.source === 'wait_cart' && e.sourcePort === 'timeout');
    expect(timeouts).toEqual([
      {
        id: 'wait_cart.timeout',
        source: 'wait_cart',
        sourcePort: 'timeout',
        target: 'exit_no_response',
      },
    ]);
    const before = store.getState().definition.edges.length;
    store.getState().connect('send_cart', 'failed', 'trigger');
    expect(store.getState().definition.edges.length).toBe(before);
  });

  test('undo and redo walk the history of the model and the layout', () => {
    const store = cartStore();
    const original = store.getState().definition;
    store.getState().deleteNodes(['handoff_help']);
    expect(store.getState().definition.nodes.handoff_help).toBeUndefined();
    expect(store.getState().definition.edges.some((e) => e.target === 'handoff_help')).toBe(false);
    store.getState().undo();
    expect(store.getState().definition).toEqual(original);
    store.getState().redo();
    expect(store.getState().definition.nodes.handoff_help).toBeUndefined();
    store.getState().moveNodes({ send_cart: { x: 999, y: 1 } }, true);
    store.getState().undo();
    expect(store.getState().layout.send_cart).not.toEqual({ x: 999, y: 1 });
  });

  test('a step dropped on a connection takes the next step’s place and moves the rest down a row', () => {
    const store = cartStore();
    const before = store.getState().layout;
    const next = before.wait_cart!;
    const id = store.getState().addNode('wait', { x: 5, y: 5 }, 'send_cart.sent');
    const after = store.getState().layout;
    expect(after[id]).toEqual(next);
    expect(after.wait_cart).toEqual({ x: next.x, y: next.y + 180 });
    expect(after.trigger).toEqual(before.trigger);
    expect(after.send_cart).toEqual(before.send_cart);
    for (const [key, p] of Object.entries(before))
      if (p.y >= next.y) expect(after[key]?.y).toBe(p.y + 180);
    store.getState().undo();
    expect(store.getState().layout).toEqual(before);
  });

  test('a step deleted with its connections (as the canvas’s Delete does) comes back whole in one undo', () => {
    const store = cartStore();
    const original = store.getState().definition;
    const connected = original.edges
      .filter((e) => e.source === 'wait_cart' || e.target === 'wait_cart')
      .map((e) => e.id);
    expect(connected.length).toBeGreaterThan(1);
    store.getState().deleteElements(['wait_cart'], connected);
    expect(store.getState().definition.nodes.wait_cart).toBeUndefined();
    expect(store.getState().past).toHaveLength(1);
    store.getState().undo();
    expect(store.getState().definition).toEqual(original);
  });

  test('removing a connection removes it only; removing nothing changes nothing', () => {
    const store = cartStore();
    const nodes = store.getState().definition.nodes;
    store.getState().deleteEdges(['wait_cart.tapped_buy']);
    expect(store.getState().definition.nodes).toEqual(nodes);
    expect(store.getState().definition.edges.map((e) => e.id)).not.toContain(
      'wait_cart.tapped_buy',
    );
    store.getState().deleteEdges(['no-such-edge']);
    expect(store.getState().past).toHaveLength(1);
  });

  test('copy and paste duplicates steps with new ids and their inner connections', () => {
    const store = cartStore();
    store.getState().copy(['send_reminder', 'wait_order']);
    const pasted = store.getState().paste();
    expect(pasted).toEqual(['send_1', 'wait_for_1']);
    expect(store.getState().definition.edges).toContainEqual({
      id: 'send_1.sent',
      source: 'send_1',
      sourcePort: 'sent',
      target: 'wait_for_1',
    });
    expect(store.getState().layout.send_1).toEqual({
      x: store.getState().layout.send_reminder!.x + 40,
      y: store.getState().layout.send_reminder!.y + 40,
    });
  });

  test('removing an output port (a wait_for signal) drops only its connection', () => {
    const store = cartStore();
    const node = store.getState().definition.nodes.wait_cart!;
    if (node.type !== 'wait_for') throw new Error('expected wait_for');
    store.getState().updateNode('wait_cart', {
      ...node,
      signals: node.signals.filter((s) => s.port !== 'tapped_help'),
    });
    const edges = store.getState().definition.edges.filter((e) => e.source === 'wait_cart');
    expect(edges.map((e) => e.sourcePort).sort()).toEqual([
      'ordered',
      'replied',
      'tapped_buy',
      'timeout',
    ]);
  });

  test('the trigger cannot be deleted; renaming a node id rewires its connections', () => {
    const store = cartStore();
    store.getState().deleteNodes(['trigger']);
    expect(store.getState().definition.edges.some((e) => e.source === 'trigger')).toBe(true);
    store.getState().renameNodeId('send_cart', 'whatsapp_carrito');
    const { edges, nodes } = store.getState().definition;
    expect(nodes.whatsapp_carrito).toBeDefined();
    expect(edges).toContainEqual({
      id: 'trigger.next',
      source: 'trigger',
      sourcePort: 'next',
      target: 'whatsapp_carrito',
    });
    expect(edges).toContainEqual({
      id: 'whatsapp_carrito.sent',
      source: 'whatsapp_carrito',
      sourcePort: 'sent',
      target: 'wait_cart',
    });
  });

  test('a save that finishes after another edit does not claim the draft is saved', () => {
    const store = cartStore();
    store.getState().moveNodes({ send_cart: { x: 1, y: 1 } }, true);
    const revision = store.getState().save.revision;
    store.getState().markSaving(revision);
    store.getState().moveNodes({ send_cart: { x: 2, y: 2 } }, true);
    store.getState().markSaved(revision);
    expect(store.getState().save.status).toBe('dirty');
  });

  test('a read-only editor (a published version) ignores edits', () => {
    const template = getJourneyTemplate('abandoned_cart')!;
    const store = createEditorStore({
      journeyId: 'j1',
      definition: template.definition,
      layout: template.layout,
      readOnly: true,
    });
    store.getState().deleteNodes(['send_cart']);
    expect(store.getState().definition.nodes.send_cart).toBeDefined();
  });
});
