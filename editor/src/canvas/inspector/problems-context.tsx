import type { ValidationProblem } from '@ruta/shared';
import { createContext, type ReactNode, useContext, useMemo } from 'react';
import { useLang } from './use-lang';

type Path = ValidationProblem['path'];

interface FieldProblems {
  problems: readonly ValidationProblem[];
  /** Where the form's object sits in the journey, e.g. ['nodes', 'send_cart']. */
  base: Path;
}

const ProblemsContext = createContext<FieldProblems>({ problems: [], base: [] });

/** Gives the fields of one form the problems validation found under `base`. */
export function ProblemsProvider({
  problems,
  base,
  children,
}: FieldProblems & { children: ReactNode }) {
  const value = useMemo(() => ({ problems, base }), [problems, base]);
  return <ProblemsContext.Provider value={value}>{children}</ProblemsContext.Provider>;
}

/** Messages for exactly this field (a path relative to the form's object). */
export function useProblemsAt(path: Path | undefined): string[] {
  const { problems, base } = useContext(ProblemsContext);
  const lang = useLang();
  if (!path) return [];
  const full = [...base, ...path];
  return problems
    .filter((p) => p.path.length === full.length && p.path.every((key, i) => key === full[i]))
    .map((p) => p.message[lang]);
}
