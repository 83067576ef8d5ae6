import type { JourneyNode, NodeType } from '@ruta/shared';

/** What a step looks like when dropped from the palette: valid where it can be, and easy to edit. */
export function defaultNode(type: NodeType): JourneyNode {
  switch (type) {
    case 'send':
      return {
        type,
        channel: 'whatsapp',
        fallbackChannels: [],
        content: { whatsapp: { text: 'Hola {{ contact.first_name }} 👋', buttons: [] } },
      };
    case 'wait':
      return { type, until: { kind: 'duration', duration: { amount: 1, unit: 'days' } } };
    case 'wait_for':
      return {
        type,
        signals: [{ port: 'replied', kind: 'reply' }],
        timeout: { amount: 24, unit: 'hours' },
      };
    case 'branch':
      return {
        type,
        cases: [
          {
            port: 'case_1',
            label: '',
            conditions: [{ source: 'engagement', field: 'replied', op: 'eq', value: true }],
          },
        ],
      };
    case 'split':
      return {
        type,
        variants: [
          { port: 'a', label: 'A', percent: 50 },
          { port: 'b', label: 'B', percent: 50 },
        ],
      };
    case 'update_contact':
      return { type, set: {}, unset: [], addTags: ['journey'], removeTags: [], consent: [] };
    case 'webhook':
      return {
        type,
        method: 'POST',
        url: 'https://',
        headers: {},
        body: '{"contact": "{{ contact.id }}"}',
        timeoutMs: 5000,
      };
    case 'handoff':
      return { type, queue: 'ventas', note: '' };
    case 'exit':
      return { type, outcome: 'completed' };
  }
}

/** A readable, unused id for a new node of this type: `send_2`, `wait_for_1`. */
export function nextNodeId(type: NodeType, taken: Iterable<string>): string {
  const used = new Set(taken);
  for (let n = 1; ; n++) {
    const id = `${type}_${n}`;
    if (!used.has(id)) return id;
  }
}
