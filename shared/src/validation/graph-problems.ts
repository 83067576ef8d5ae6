import { reachableFrom, successorsOf } from '../graph/graph';
import { TRIGGER_NODE_ID, TRIGGER_PORT } from '../model/ids';
import type { Localized } from '../model/localized';
import { portLabel } from '../nodes/port-labels';
import type { EdgeView, JourneyView, NodeView } from './journey-view';
import { nodePath, type ValidationProblem } from './problem';

/** Edges point at real nodes and outputs, one edge per output, everything reachable and connected. */
export function graphProblems(view: JourneyView): ValidationProblem[] {
  return [...edgeProblems(view), ...reachabilityProblems(view), ...portProblems(view)];
}

/** Edges whose ends both exist: what reachability and cycle checks walk. */
export function usableEdges(view: JourneyView): EdgeView[] {
  return view.edges.filter(
    (edge) =>
      (edge.source === TRIGGER_NODE_ID ? view.triggerPresent : view.nodes.has(edge.source)) &&
      view.nodes.has(edge.target),
  );
}

/** One key per (step, output); NUL cannot occur in ids or port names. */
const portKey = (nodeId: string, port: string) => `${nodeId}\u0000${port}`;

function portsOf(view: JourneyView, id: string): readonly string[] | undefined {
  return id === TRIGGER_NODE_ID ? [TRIGGER_PORT] : view.nodes.get(id)?.ports;
}

function edgeProblems(view: JourneyView): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const ids = new Set<string>();
  const used = new Set<string>();
  for (const edge of view.edges) {
    const at = (key?: string) => (key ? ['edges', edge.index, key] : ['edges', edge.index]);
    const onEdge = { edgeId: edge.id };
    if (ids.has(edge.id)) {
      problems.push({
        code: 'duplicate_edge_id',
        ...onEdge,
        path: at('id'),
        message: {
          es: `Hay dos conexiones con el id «${edge.id}».`,
          pt: `Há duas conexões com o id «${edge.id}».`,
          en: `Two connections have the id "${edge.id}".`,
        },
      });
    }
    ids.add(edge.id);
    const fromTrigger = edge.source === TRIGGER_NODE_ID;
    if (!fromTrigger && !view.nodes.has(edge.source)) {
      problems.push({
        code: 'unknown_edge_source',
        ...onEdge,
        path: at('source'),
        message: {
          es: `Una conexión sale de «${edge.source}», un paso que no existe; bórrala.`,
          pt: `Uma conexão sai de «${edge.source}», uma etapa que não existe; apague-a.`,
          en: `A connection starts at "${edge.source}", a step that does not exist; delete it.`,
        },
      });
    } else {
      const ports = portsOf(view, edge.source);
      const source = view.nodes.get(edge.source);
      if (ports && !ports.includes(edge.sourcePort)) {
        const names = (lang: keyof Localized) =>
          source
            ? ports
                .map((port) => outputName(source, port)[lang])
                .map((name) => (lang === 'en' ? `"${name}"` : `«${name}»`))
                .join(', ')
            : '';
        problems.push({
          code: 'unknown_port',
          nodeId: edge.source,
          port: edge.sourcePort,
          ...onEdge,
          path: at('sourcePort'),
          message: {
            es: `El paso no tiene la salida «${edge.sourcePort}»; conecta una de: ${names('es') || '(ninguna)'}.`,
            pt: `A etapa não tem a saída «${edge.sourcePort}»; conecte uma destas: ${names('pt') || '(nenhuma)'}.`,
            en: `The step has no output "${edge.sourcePort}"; connect one of: ${names('en') || '(none)'}.`,
          },
        });
      }
      const key = portKey(edge.source, edge.sourcePort);
      if (used.has(key)) {
        const name = source
          ? outputName(source, edge.sourcePort)
          : { es: edge.sourcePort, pt: edge.sourcePort, en: edge.sourcePort };
        problems.push({
          code: 'duplicate_edge',
          nodeId: edge.source,
          port: edge.sourcePort,
          ...onEdge,
          path: at(),
          message: {
            es: `La salida «${name.es}» tiene más de una conexión; cada salida lleva a un solo paso.`,
            pt: `A saída «${name.pt}» tem mais de uma conexão; cada saída leva a uma única etapa.`,
            en: `The output "${name.en}" has more than one connection; each output leads to one step.`,
          },
        });
      }
      used.add(key);
    }
    if (edge.target === TRIGGER_NODE_ID) {
      problems.push({
        code: 'edge_into_trigger',
        ...onEdge,
        path: at('target'),
        message: {
          es: 'Nada puede volver al disparador; conecta esta salida a otro paso.',
          pt: 'Nada pode voltar ao gatilho; conecte esta saída a outra etapa.',
          en: 'Nothing can lead back to the trigger; connect this output to another step.',
        },
      });
    } else if (!view.nodes.has(edge.target)) {
      problems.push({
        code: 'unknown_edge_target',
        ...onEdge,
        path: at('target'),
        message: {
          es: `Una conexión llega a «${edge.target}», un paso que no existe; bórrala.`,
          pt: `Uma conexão chega a «${edge.target}», uma etapa que não existe; apague-a.`,
          en: `A connection leads to "${edge.target}", a step that does not exist; delete it.`,
        },
      });
    }
  }
  return problems;
}

function reachabilityProblems(view: JourneyView): ValidationProblem[] {
  if (!view.triggerPresent) return []; // 'missing_trigger' already says what to do
  const edges = usableEdges(view);
  const successors = successorsOf(view.nodes.keys(), edges);
  const starts = edges.filter((edge) => edge.source === TRIGGER_NODE_ID).map((edge) => edge.target);
  const reached = reachableFrom(starts, successors);
  return [...view.nodes.keys()]
    .filter((id) => !reached.has(id))
    .map((id) => ({
      code: 'unreachable_node',
      nodeId: id,
      path: nodePath(id),
      message: {
        es: 'Ningún contacto puede llegar a este paso; conéctalo desde el disparador o desde otro paso.',
        pt: 'Nenhum contato consegue chegar a esta etapa; conecte-a a partir do gatilho ou de outra etapa.',
        en: 'No contact can reach this step; connect it from the trigger or from another step.',
      },
    }));
}

/** The output as the marketer sees it ('sin respuesta en 24 h'), or its name. */
function outputName(node: NodeView, port: string): Localized {
  return node.node ? portLabel(node.node, port) : { es: port, pt: port, en: port };
}

function portProblems(view: JourneyView): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const connected = new Set(view.edges.map((edge) => portKey(edge.source, edge.sourcePort)));
  const isConnected = (id: string, port: string) => connected.has(portKey(id, port));
  if (view.triggerPresent && !isConnected(TRIGGER_NODE_ID, TRIGGER_PORT)) {
    problems.push({
      code: 'unconnected_port',
      nodeId: TRIGGER_NODE_ID,
      port: TRIGGER_PORT,
      path: ['trigger'],
      message: {
        es: 'Conecta el disparador con el primer paso.',
        pt: 'Conecte o gatilho à primeira etapa.',
        en: 'Connect the trigger to the first step.',
      },
    });
  }
  for (const node of view.nodes.values()) {
    node.exitPorts.forEach((port, index) => {
      if (node.ports && !node.ports.includes(port)) {
        problems.push({
          code: 'unknown_exit_port',
          nodeId: node.id,
          port,
          path: nodePath(node.id, 'exitPorts', index),
          message: {
            es: `El paso no tiene la salida «${port}»; quítala de las salidas que terminan el recorrido.`,
            pt: `A etapa não tem a saída «${port}»; tire-a das saídas que encerram o percurso.`,
            en: `The step has no output "${port}"; remove it from the outputs that end the run.`,
          },
        });
      } else if (isConnected(node.id, port)) {
        const name = outputName(node, port);
        problems.push({
          code: 'exit_port_connected',
          nodeId: node.id,
          port,
          path: nodePath(node.id, 'exitPorts', index),
          message: {
            es: `La salida «${name.es}» está conectada y también marcada para terminar; elige una de las dos.`,
            pt: `A saída «${name.pt}» está conectada e também marcada para encerrar; escolha uma das duas opções.`,
            en: `The output "${name.en}" is connected and also marked to end the run; choose one.`,
          },
        });
      }
    });
    for (const port of node.ports ?? []) {
      if (isConnected(node.id, port) || node.exitPorts.includes(port)) continue;
      const name = outputName(node, port);
      problems.push({
        code: 'unconnected_port',
        nodeId: node.id,
        port,
        path: nodePath(node.id),
        message: {
          es: `La salida «${name.es}» no lleva a ningún paso; conéctala o márcala para terminar el recorrido ahí.`,
          pt: `A saída «${name.pt}» não leva a nenhuma etapa; conecte-a ou marque-a para encerrar o percurso ali.`,
          en: `The output "${name.en}" leads nowhere; connect it or mark it to end the run there.`,
        },
      });
    }
  }
  return problems;
}
