import { z } from 'zod';
import { PortName } from '../model/ids';
import type { Localized } from '../model/localized';
import { addRuleIssue } from '../model/rule-issue';

/** Fields every node kind has. */
export const nodeBase = {
  /** The marketer's own label for the step. */
  name: z.string().max(80).optional(),
  /** Loop bound: how many times one run may enter this node. */
  maxVisits: z.int().min(1).max(100).optional(),
  /** Outputs deliberately left unconnected: the run ends there, with the port name as outcome. */
  exitPorts: z.array(PortName).optional(),
};

/**
 * Reports repeated port names and a port that takes the name of the node's built-in output
 * ('timeout', 'else'). `items` are the entries carrying the ports, at `path` in the node.
 */
export function checkPorts(
  ctx: z.RefinementCtx,
  items: readonly { port: string }[],
  path: string,
  reserved?: string,
): void {
  const seen = new Set<string>();
  items.forEach(({ port }, index) => {
    if (port === reserved) {
      addRuleIssue(ctx, 'reserved_port', reservedMessage(port), [path, index, 'port']);
    } else if (seen.has(port)) {
      addRuleIssue(
        ctx,
        'duplicate_port',
        {
          es: `La salida «${port}» está repetida; cada salida necesita un nombre distinto.`,
          pt: `A saída «${port}» está repetida; cada saída precisa de um nome diferente.`,
          en: `The output "${port}" is repeated; each output needs its own name.`,
        },
        [path, index, 'port'],
      );
    }
    seen.add(port);
  });
}

function reservedMessage(port: string): Localized {
  return {
    es: `«${port}» es el nombre de una salida que el paso ya tiene; elige otro.`,
    pt: `«${port}» já é o nome de uma saída desta etapa; escolha outro.`,
    en: `"${port}" is already one of this step's outputs; choose another name.`,
  };
}
