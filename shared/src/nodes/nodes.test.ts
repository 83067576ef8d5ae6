import { describe, expect, test } from 'vitest';
import { isNodeType, JourneyNode, NODE_TYPES, nodeKinds, outputPortsOf } from './index';

const examples: Record<string, unknown> = {
  send: { type: 'send', channel: 'sms', content: { sms: { text: 'Hola' } } },
  wait: { type: 'wait', until: { kind: 'time_of_day', time: '10:00', weekdays: [1, 3] } },
  wait_for: {
    type: 'wait_for',
    signals: [
      { port: 'replied', kind: 'reply', match: { intent: 'yes' } },
      { port: 'ordered', kind: 'event', event: 'order_placed' },
    ],
    timeout: { amount: 2, unit: 'days' },
  },
  branch: {
    type: 'branch',
    cases: [
      { port: 'vip', conditions: [{ source: 'contact', field: 'vip', op: 'eq', value: true }] },
    ],
  },
  split: {
    type: 'split',
    variants: [
      { port: 'a', percent: 30 },
      { port: 'b', percent: 70 },
    ],
  },
  update_contact: { type: 'update_contact', addTags: ['vip'] },
  webhook: { type: 'webhook', method: 'POST', url: 'https://crm.example/leads' },
  handoff: { type: 'handoff' },
  exit: { type: 'exit' },
};

describe('node kinds', () => {
  test('the registry covers every kind of the union', () => {
    expect(NODE_TYPES.sort()).toEqual(Object.keys(examples).sort());
    expect(isNodeType('wait_for')).toBe(true);
    expect(isNodeType('toString')).toBe(false);
  });

  test.each([
    ['send', ['sent', 'failed']],
    ['wait', ['next']],
    ['wait_for', ['replied', 'ordered', 'timeout']],
    ['branch', ['vip', 'else']],
    ['split', ['a', 'b']],
    ['update_contact', ['next']],
    ['webhook', ['success', 'failure']],
    ['handoff', ['next']],
    ['exit', []],
  ])('%s outputs %j', (type, ports) => {
    const node = JourneyNode.parse(examples[type]);
    expect(outputPortsOf(node)).toEqual(ports);
    expect(nodeKinds[node.type].schema.safeParse(examples[type]).success).toBe(true);
    expect(nodeKinds[node.type].label.es).not.toBe('');
  });

  test('defaults are filled in', () => {
    expect(JourneyNode.parse(examples.send)).toMatchObject({ fallbackChannels: [] });
    expect(JourneyNode.parse(examples.webhook)).toMatchObject({ headers: {}, timeoutMs: 5000 });
    expect(JourneyNode.parse(examples.handoff)).toMatchObject({ queue: 'default' });
    expect(JourneyNode.parse(examples.exit)).toMatchObject({ outcome: 'completed' });
    expect(JourneyNode.parse(examples.wait_for)).toMatchObject({
      signals: [expect.anything(), { filters: [], scope: 'entry_key' }],
    });
  });
});
