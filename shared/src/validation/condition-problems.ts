import type { Condition, ConditionSource } from '../model/condition';
import type { Localized } from '../model/localized';
import type { JourneyView } from './journey-view';
import type { ProblemPath, ValidateOptions, ValidationProblem } from './problem';
import { knownAttributes } from './template-problems';

type Place = {
  conditions: readonly Condition[];
  path: ProblemPath;
  nodeId?: string;
  /** Sources that make sense here. */
  allowed: readonly ConditionSource[];
  where: Localized;
};

/** Conditions read data that exists where they are evaluated, and contact attributes that exist. */
export function conditionProblems(
  view: JourneyView,
  options: ValidateOptions,
): ValidationProblem[] {
  const attributes = knownAttributes(view, options);
  const problems: ValidationProblem[] = [];
  for (const place of places(view)) {
    place.conditions.forEach((condition, index) => {
      const at = [...place.path, index];
      const located = place.nodeId === undefined ? {} : { nodeId: place.nodeId };
      if (!place.allowed.includes(condition.source)) {
        problems.push({
          code: 'invalid_condition_source',
          ...located,
          path: [...at, 'source'],
          message: {
            es: `Aquí no hay datos de «${condition.source}» (${place.where.es}); usa: ${place.allowed.join(', ')}.`,
            pt: `Aqui não há dados de «${condition.source}» (${place.where.pt}); use: ${place.allowed.join(', ')}.`,
            en: `There is no "${condition.source}" data here (${place.where.en}); use: ${place.allowed.join(', ')}.`,
          },
        });
      } else if (condition.source === 'contact' && attributes && !attributes.has(condition.field)) {
        problems.push({
          code: 'unknown_contact_field',
          ...located,
          path: [...at, 'field'],
          message: {
            es: `El contacto no tiene el dato «${condition.field}». Revisa el nombre o créalo en Contactos.`,
            pt: `O contato não tem o dado «${condition.field}». Confira o nome ou crie-o em Contatos.`,
            en: `Contacts have no "${condition.field}" attribute. Check the name or create it in Contacts.`,
          },
        });
      }
    });
  }
  return problems;
}

function places(view: JourneyView): Place[] {
  const found: Place[] = [];
  const trigger = view.trigger;
  if (trigger?.kind === 'event') {
    found.push({
      conditions: trigger.filters,
      path: ['trigger', 'filters'],
      nodeId: 'trigger',
      allowed: ['event', 'contact'],
      where: { es: 'filtro del evento', pt: 'filtro do evento', en: 'event filter' },
    });
  } else if (trigger?.kind === 'segment' || trigger?.kind === 'schedule') {
    found.push({
      conditions: trigger.conditions,
      path: ['trigger', 'conditions'],
      nodeId: 'trigger',
      allowed: ['contact'],
      where: {
        es: 'el disparador no tiene evento',
        pt: 'o gatilho não tem evento',
        en: 'the trigger has no event',
      },
    });
  }
  const goal = view.settings?.goal;
  if (goal) {
    found.push({
      conditions: goal.filters,
      path: ['settings', 'goal', 'filters'],
      allowed: ['event', 'contact'],
      where: { es: 'filtro del objetivo', pt: 'filtro da meta', en: 'goal filter' },
    });
  }
  const branchSources: ConditionSource[] =
    view.triggerKind === undefined || view.triggerKind === 'event'
      ? ['contact', 'event', 'engagement']
      : ['contact', 'engagement'];
  for (const { id, node } of view.nodes.values()) {
    if (node?.type === 'branch') {
      node.cases.forEach((branchCase, index) => {
        found.push({
          conditions: branchCase.conditions,
          path: ['nodes', id, 'cases', index, 'conditions'],
          nodeId: id,
          allowed: branchSources,
          where: {
            es: 'el recorrido no empieza con un evento',
            pt: 'o fluxo não começa com um evento',
            en: 'the journey does not start with an event',
          },
        });
      });
    }
    if (node?.type === 'wait_for') {
      node.signals.forEach((signal, index) => {
        if (signal.kind !== 'event') return;
        found.push({
          conditions: signal.filters,
          path: ['nodes', id, 'signals', index, 'filters'],
          nodeId: id,
          allowed: ['event', 'contact'],
          where: { es: 'filtro del evento', pt: 'filtro do evento', en: 'event filter' },
        });
      });
    }
  }
  return found;
}
