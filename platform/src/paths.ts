import os from 'node:os';
import path from 'node:path';

/** Ruta's cache outside any clone (shared by every clone and by CI): $XDG_CACHE_HOME/ruta or ~/.cache/ruta. */
export function rutaCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CACHE_HOME?.trim() || path.join(os.homedir(), '.cache');
  return path.join(base, 'ruta');
}
