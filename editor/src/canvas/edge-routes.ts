import type { JourneyDefinition, NodePosition } from '@ruta/shared';
import { createContext, useContext, useEffect, useState } from 'react';
import { type EdgeRoute, layoutJourney } from './elk-layout';

/** ELK's routes for the journey as it is now, by connection id (empty until ELK has answered). */
export const EdgeRoutesContext = createContext<Record<string, EdgeRoute>>({});

export function useEdgeRoute(id: string): EdgeRoute | undefined {
  return useContext(EdgeRoutesContext)[id];
}

/**
 * Lays the journey out in the background after each change and keeps ELK's connection routes.
 * A route draws only while both of its cards stand where ELK put them (`routeFits`): a journey
 * arranged with «Ordenar», or a template, draws every connection around the cards.
 */
export function useEdgeRoutes(definition: JourneyDefinition): Record<string, EdgeRoute> {
  const [routes, setRoutes] = useState<Record<string, EdgeRoute>>({});
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      layoutJourney(definition)
        .then((laidOut) => live && setRoutes(laidOut.routes))
        .catch(() => live && setRoutes({}));
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [definition]);
  return routes;
}

export function routeFits(
  route: EdgeRoute,
  source: NodePosition | undefined,
  target: NodePosition | undefined,
): boolean {
  const at = (a: NodePosition | undefined, b: NodePosition) =>
    a !== undefined && Math.abs(a.x - b.x) <= 1 && Math.abs(a.y - b.y) <= 1;
  return at(source, route.source) && at(target, route.target);
}
