import { type RenderResult, renderTemplate } from '@ruta/shared';
import { useEffect, useState } from 'react';

export type Rendered = RenderResult | { ok: 'pending' };

/** Each template rendered against `context` (async; stale results are dropped). */
export function useRendered(
  sources: readonly (string | undefined)[],
  context: Record<string, unknown>,
): Rendered[] {
  const key = JSON.stringify(sources);
  const [results, setResults] = useState<{ key: string; context: object; values: Rendered[] }>({
    key: '',
    context: {},
    values: [],
  });
  useEffect(() => {
    let current = true;
    const list = JSON.parse(key) as (string | null)[];
    void Promise.all(
      list.map((source) =>
        source == null
          ? Promise.resolve<RenderResult>({ ok: true, text: '', missing: [] })
          : renderTemplate(source, context),
      ),
    ).then((values) => {
      if (current) setResults({ key, context, values });
    });
    return () => {
      current = false;
    };
  }, [key, context]);
  if (results.key === key && results.context === context) return results.values;
  // Until the new render lands, keep showing the last one (no flicker while typing).
  return sources.map((_, i) => results.values[i] ?? { ok: 'pending' });
}
