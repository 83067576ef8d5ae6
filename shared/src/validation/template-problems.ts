import { analyzeTemplate } from '../liquid/analyze-template';
import { MAX_RANGE_ITEMS } from '../liquid/template-ranges';
import type { Localized } from '../model/localized';
import { field, type JourneyView } from './journey-view';
import { liquidFields } from './liquid-fields';
import type { ValidateOptions, ValidationProblem } from './problem';

/** The contact fields every template can use, besides the workspace's attributes. */
export const CONTACT_FIELDS = [
  'id',
  'external_id',
  'first_name',
  'last_name',
  'name',
  'phone',
  'email',
  'locale',
  'time_zone',
] as const;

/** Templates parse, loop over bounded ranges and use only variables a run will have. */
export function templateProblems(view: JourneyView, options: ValidateOptions): ValidationProblem[] {
  const attributes = knownAttributes(view, options);
  const problems: ValidationProblem[] = [];
  for (const node of view.nodes.values()) {
    for (const { path, source } of liquidFields(node)) {
      const analysis = safely(() => analyzeTemplate(source));
      if (!analysis?.ok) {
        problems.push({
          code: 'invalid_template',
          nodeId: node.id,
          path,
          message: analysis?.error ?? {
            es: 'La plantilla no se puede leer.',
            pt: 'Não foi possível ler o modelo.',
            en: 'The template cannot be read.',
          },
        });
        continue;
      }
      if (analysis.largestRange > MAX_RANGE_ITEMS)
        problems.push({
          code: 'range_too_large',
          nodeId: node.id,
          path,
          message: {
            es: `Un rango de la plantilla recorre ${analysis.largestRange.toLocaleString('es-MX')} elementos; el máximo es ${MAX_RANGE_ITEMS.toLocaleString('es-MX')}. Usa un rango más corto, como (1..10).`,
            pt: `Um intervalo do modelo percorre ${analysis.largestRange.toLocaleString('pt-BR')} itens; o máximo é ${MAX_RANGE_ITEMS.toLocaleString('pt-BR')}. Use um intervalo menor, como (1..10).`,
            en: `A range in the template loops over ${analysis.largestRange.toLocaleString('en-US')} items; at most ${MAX_RANGE_ITEMS.toLocaleString('en-US')}. Use a shorter range, such as (1..10).`,
          },
        });
      for (const variable of analysis.variables) {
        const message = unknownVariable(variable, view.triggerKind, attributes);
        if (message) problems.push({ code: 'unknown_variable', nodeId: node.id, path, message });
      }
    }
  }
  return problems;
}

/** Attributes the workspace declared plus those this journey writes itself; undefined = any. */
export function knownAttributes(
  view: JourneyView,
  options: ValidateOptions,
): ReadonlySet<string> | undefined {
  if (!options.knownContactAttributes) return undefined;
  const known = new Set<string>([...CONTACT_FIELDS, ...options.knownContactAttributes]);
  for (const node of view.nodes.values()) {
    const set = field(node.raw, 'set');
    if (node.type === 'update_contact' && typeof set === 'object' && set !== null) {
      for (const key of Object.keys(set)) known.add(key);
    }
    const signals = field(node.raw, 'signals');
    if (node.type === 'wait_for' && Array.isArray(signals)) {
      for (const signal of signals) {
        const saveAs = field(signal, 'saveAs');
        if (typeof saveAs === 'string') known.add(saveAs);
      }
    }
  }
  return known;
}

function unknownVariable(
  variable: string,
  triggerKind: string | undefined,
  attributes: ReadonlySet<string> | undefined,
): Localized | undefined {
  const [root, name] = variable.split('.');
  switch (root) {
    case 'contact':
      if (name === undefined || !attributes || attributes.has(name)) return undefined;
      return {
        es: `El contacto no tiene el dato «${name}» (en «${variable}»). Revisa el nombre o créalo en Contactos.`,
        pt: `O contato não tem o dado «${name}» (em «${variable}»). Confira o nome ou crie-o em Contatos.`,
        en: `Contacts have no "${name}" attribute (in "${variable}"). Check the name or create it in Contacts.`,
      };
    case 'event':
      if (triggerKind === undefined || triggerKind === 'event') return undefined;
      return {
        es: `«${variable}» solo existe cuando el recorrido empieza con un evento; este no.`,
        pt: `«${variable}» só existe quando o fluxo começa com um evento; este não começa.`,
        en: `"${variable}" only exists when the journey starts with an event; this one does not.`,
      };
    case 'journey':
      if (name === undefined || name === 'name') return undefined;
      return {
        es: `«${variable}» no existe; del recorrido solo está journey.name.`,
        pt: `«${variable}» não existe; do fluxo só existe journey.name.`,
        en: `"${variable}" does not exist; the only journey variable is journey.name.`,
      };
    default:
      return {
        es: `La variable «${variable}» no existe; usa contact.…, event.… o journey.name.`,
        pt: `A variável «${variable}» não existe; use contact.…, event.… ou journey.name.`,
        en: `The variable "${variable}" does not exist; use contact.…, event.… or journey.name.`,
      };
  }
}

// The Liquid helpers promise not to throw; validation promises it too, whatever they do.
function safely<T>(run: () => T): T | undefined {
  try {
    return run();
  } catch {
    return undefined;
  }
}
