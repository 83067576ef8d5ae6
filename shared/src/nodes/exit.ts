import { z } from 'zod';
import { PortName } from '../model/ids';
import type { Localized } from '../model/localized';
import { nodeBase } from './common';

/** The outcome a template uses to mark a conversion. */
export const CONVERTED_OUTCOME = 'converted';

export const ExitNode = z.object({
  type: z.literal('exit'),
  ...nodeBase,
  outcome: PortName.default('completed'),
});
export type ExitNode = z.infer<typeof ExitNode>;

export function outputPorts(_node: ExitNode): string[] {
  return [];
}

/** The outcomes Ruta's templates use, in words; a marketer's own outcome reads as written. */
export const EXIT_OUTCOMES: Record<string, Localized> = {
  completed: { es: 'terminó', pt: 'terminou', en: 'finished' },
  converted: { es: 'compró', pt: 'comprou', en: 'bought' },
  no_response: { es: 'sin respuesta', pt: 'sem resposta', en: 'no response' },
  opted_out: { es: 'pidió la baja', pt: 'pediu descadastro', en: 'opted out' },
  handed_off: { es: 'pasó a un agente', pt: 'passou para um atendente', en: 'handed off' },
  not_delivered: { es: 'no se pudo entregar', pt: 'não foi entregue', en: 'not delivered' },
  clicked_buy: { es: 'tocó «Comprar»', pt: 'tocou em «Comprar»', en: 'tapped “Buy”' },
  clicked: { es: 'hizo clic', pt: 'clicou', en: 'clicked' },
  opened: { es: 'abrió', pt: 'abriu', en: 'opened' },
  read: { es: 'leyó', pt: 'leu', en: 'read' },
  replied: { es: 'respondió', pt: 'respondeu', en: 'replied' },
  // A hand-off that waits for the agent, left by its result (an exit port's name is the outcome).
  sold: { es: 'vendió un agente', pt: 'um atendente vendeu', en: 'sold by an agent' },
  solved: { es: 'un agente lo resolvió', pt: 'um atendente resolveu', en: 'solved by an agent' },
  no_sale: { es: 'sin venta', pt: 'sem venda', en: 'no sale' },
};

/** An exit's outcome in words: the known ones translated, a marketer's own one as written. */
export function outcomeLabel(outcome: string): Localized {
  return EXIT_OUTCOMES[outcome] ?? { es: outcome, pt: outcome, en: outcome };
}
