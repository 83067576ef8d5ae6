import type { JourneyDefinition, JourneyLayout, JourneyNode } from '@ruta/shared';

const connect = (...links: [string, string, string][]) =>
  links.map(([source, sourcePort, target]) => ({
    id: `${source}.${sourcePort}`,
    source,
    sourcePort,
    target,
  }));
const exitWith = (outcome: string, name: string) =>
  ({ type: 'exit', name, outcome }) as JourneyNode;
const grid = (cells: Record<string, [number, number]>): JourneyLayout =>
  Object.fromEntries(
    Object.entries(cells).map(([id, [column, row]]) => [id, { x: column * 320, y: row * 180 }]),
  );

/**
 * A journey of `units × 4` steps shaped like real ones: send → wait for a reply (timeout to the
 * next unit) → branch on the reply's intent → exit, chained. 50 units: 200 steps.
 */
export function bigJourney(units = 50): { definition: JourneyDefinition; layout: JourneyLayout } {
  const nodes: Record<string, JourneyNode> = {};
  const links: [string, string, string][] = [['trigger', 'next', 'send_0']];
  const cells: Record<string, [number, number]> = { trigger: [1, 0] };
  for (let i = 0; i < units; i++) {
    const last = i === units - 1;
    const next = last ? 'exit_end' : `send_${i + 1}`;
    nodes[`send_${i}`] = {
      type: 'send',
      name: `Mensaje ${i + 1}`,
      channel: 'whatsapp',
      fallbackChannels: ['sms'],
      content: {
        whatsapp: {
          text: `Hola {{ contact.first_name }}, paso ${i + 1}: ¿seguimos?`,
          buttons: [{ id: 'si', text: 'Sí' }],
        },
        sms: { text: `Hola {{ contact.first_name }}, paso ${i + 1}. Responde SI.` },
      },
    } as JourneyNode;
    nodes[`wait_${i}`] = {
      type: 'wait_for',
      name: `¿Respondió? ${i + 1}`,
      messageNodeId: `send_${i}`,
      signals: [{ port: 'replied', kind: 'reply' }],
      timeout: { amount: 1, unit: 'days' },
    } as JourneyNode;
    nodes[`branch_${i}`] = {
      type: 'branch',
      name: `¿Baja? ${i + 1}`,
      cases: [
        {
          port: 'opt_out',
          label: 'Pidió la baja',
          conditions: [
            { source: 'engagement', field: 'last_reply_intent', op: 'eq', value: 'opt_out' },
          ],
        },
      ],
    } as JourneyNode;
    nodes[`exit_${i}`] = exitWith(`replied_${i}`, `Respondió ${i + 1}`);
    links.push(
      [`send_${i}`, 'sent', `wait_${i}`],
      [`send_${i}`, 'failed', next],
      [`wait_${i}`, 'replied', `branch_${i}`],
      [`wait_${i}`, 'timeout', next],
      [`branch_${i}`, 'opt_out', `exit_${i}`],
      [`branch_${i}`, 'else', `exit_${i}`],
    );
    cells[`send_${i}`] = [1, 1 + i * 3];
    cells[`wait_${i}`] = [1, 2 + i * 3];
    cells[`branch_${i}`] = [0, 3 + i * 3];
    cells[`exit_${i}`] = [0, 4 + i * 3];
  }
  nodes.exit_end = exitWith('no_response', 'Sin respuesta');
  cells.exit_end = [1, 1 + units * 3];
  const definition = {
    schemaVersion: 1,
    trigger: { kind: 'event', event: 'lead_created', filters: [] },
    nodes,
    edges: connect(...links),
    settings: { reentry: { mode: 'always' } },
  } as unknown as JourneyDefinition;
  return { definition, layout: grid(cells) };
}
