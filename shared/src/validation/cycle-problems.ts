import { cyclicComponents, successorsOf } from '../graph/graph';
import { TRIGGER_NODE_ID } from '../model/ids';
import type { Localized } from '../model/localized';
import { usableEdges } from './graph-problems';
import { field, type JourneyView, type NodeView, stepName } from './journey-view';
import { nodePath, type ValidationProblem } from './problem';

/**
 * A loop must wait somewhere (or a run would spin without pause) and must have a bound
 * (`maxVisits` on one of its steps). Checked exactly: every cycle, not just every component —
 * the graph without waiting steps, and the graph without bounded steps, must have no cycle.
 */
export function cycleProblems(view: JourneyView): ValidationProblem[] {
  const edges = usableEdges(view).filter((edge) => edge.source !== TRIGGER_NODE_ID);
  const loopsWithout = (keep: (node: NodeView) => boolean) => {
    const ids = [...view.nodes.values()].filter(keep).map((node) => node.id);
    return cyclicComponents(successorsOf(ids, edges));
  };
  const isWait = (node: NodeView) => node.type === 'wait' || node.type === 'wait_for';

  const problems: ValidationProblem[] = [];
  for (const loop of loopsWithout((node) => !isWait(node))) {
    const [first = ''] = loop;
    const steps = describeLoop(view, loop);
    problems.push({
      code: 'cycle_without_wait',
      nodeId: first,
      path: nodePath(first),
      message: {
        es: `El bucle ${steps.es} no espera en ningún paso; añade una espera dentro del bucle.`,
        pt: `O loop ${steps.pt} não espera em nenhuma etapa; adicione uma espera dentro do loop.`,
        en: `The loop ${steps.en} never waits; add a wait inside the loop.`,
      },
    });
  }
  for (const loop of loopsWithout((node) => !node.bounded)) {
    const first = loop.find((id) => isWaitId(view, id)) ?? loop[0] ?? '';
    const steps = describeLoop(view, loop);
    problems.push({
      code: 'unbounded_cycle',
      nodeId: first,
      path: nodePath(first, 'maxVisits'),
      message: {
        es: `El bucle ${steps.es} no tiene límite; pon un máximo de visitas en uno de sus pasos.`,
        pt: `O loop ${steps.pt} não tem limite; defina um máximo de visitas em uma das etapas.`,
        en: `The loop ${steps.en} has no limit; set a maximum number of visits on one of its steps.`,
      },
    });
  }
  return problems;
}

function isWaitId(view: JourneyView, id: string): boolean {
  const type = view.nodes.get(id)?.type;
  return type === 'wait' || type === 'wait_for';
}

function describeLoop(view: JourneyView, loop: string[]): Localized {
  const names = loop.map((id) => stepName(view, id));
  const join = (lang: keyof Localized) => names.map((name) => name[lang]).join(' → ');
  return { es: `«${join('es')}»`, pt: `«${join('pt')}»`, en: `"${join('en')}"` };
}
