import type { JourneyNode } from '../nodes/index';
import { field, isRecord, type NodeView } from './journey-view';
import type { ProblemPath } from './problem';

export type LiquidField = { path: ProblemPath; source: string };

/** Every Liquid template in a step, as text: what the editor's variable picker reads. */
export function liquidSources(node: JourneyNode): string[] {
  return liquidFields({ id: '', raw: node, type: node.type }).map((f) => f.source);
}

/** Every Liquid template in a node (read from raw data, so broken nodes are still checked). */
export function liquidFields(node: Pick<NodeView, 'id' | 'raw' | 'type'>): LiquidField[] {
  const fields: LiquidField[] = [];
  const add = (source: unknown, ...path: ProblemPath) => {
    if (typeof source === 'string') fields.push({ path: ['nodes', node.id, ...path], source });
  };
  const eachValue = (record: unknown, ...path: ProblemPath) => {
    if (!isRecord(record) || Array.isArray(record)) return;
    for (const key of Object.keys(record)) add(field(record, key), ...path, key);
  };
  const raw = node.raw;
  switch (node.type) {
    case 'send': {
      const content = field(raw, 'content');
      const whatsapp = field(content, 'whatsapp');
      const params = field(field(whatsapp, 'template'), 'params');
      if (Array.isArray(params)) {
        params.forEach((param, index) => {
          add(param, 'content', 'whatsapp', 'template', 'params', index);
        });
      }
      add(field(whatsapp, 'text'), 'content', 'whatsapp', 'text');
      add(field(field(content, 'sms'), 'text'), 'content', 'sms', 'text');
      const email = field(content, 'email');
      for (const key of ['subject', 'html', 'text'])
        add(field(email, key), 'content', 'email', key);
      add(field(field(content, 'rcs'), 'text'), 'content', 'rcs', 'text');
      break;
    }
    case 'update_contact':
      eachValue(field(raw, 'set'), 'set');
      break;
    case 'webhook':
      add(field(raw, 'url'), 'url');
      eachValue(field(raw, 'headers'), 'headers');
      add(field(raw, 'body'), 'body');
      break;
    case 'handoff':
      add(field(raw, 'note'), 'note');
      break;
    default:
      break;
  }
  return fields;
}
