import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { REPO_ROOT } from '../cli/editor-build';
import { RUTA_SEARCH_ATTRIBUTES } from '../temporal/search-attributes';

interface Service {
  image?: string;
  build?: unknown;
  command?: string[] | string;
  environment?: Record<string, string | number>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  ports?: string[];
  container_name?: string;
}

const compose = parse(await readFile(`${REPO_ROOT}docker-compose.yml`, 'utf8'), {
  merge: true,
}) as {
  services: Record<string, Service>;
};
const dockerfile = await readFile(`${REPO_ROOT}Dockerfile`, 'utf8');
const services = compose.services;
const svc = (name: string): Service => {
  const found = services[name];
  if (!found) throw new Error(`docker-compose.yml has no service "${name}"`);
  return found;
};

describe('docker-compose.yml (production)', () => {
  test('runs PostgreSQL 17, Temporal server, schema setup by admin-tools, Temporal UI, API and worker', () => {
    expect(svc('postgres').image).toBe('postgres:17');
    expect(svc('temporal').image).toMatch(/^temporalio\/server:/);
    expect(svc('temporal-schema').image).toMatch(/^temporalio\/admin-tools:/);
    expect(svc('temporal-ui').image).toMatch(/^temporalio\/ui:/);
    expect(JSON.stringify(services)).not.toContain('temporalio/auto-setup');
    expect(svc('api').build).toBeDefined();
    expect(svc('worker').image).toBe(svc('api').image);
  });

  test('every long-running service has a health check, and start order waits on them', () => {
    for (const name of ['postgres', 'temporal', 'temporal-ui', 'api', 'worker']) {
      expect(svc(name).healthcheck?.test, name).toBeDefined();
    }
    expect(svc('temporal-schema').depends_on?.postgres?.condition).toBe('service_healthy');
    expect(svc('temporal').depends_on?.['temporal-schema']?.condition).toBe(
      'service_completed_successfully',
    );
    expect(svc('api').depends_on?.['temporal-init']?.condition).toBe(
      'service_completed_successfully',
    );
  });

  test('API and worker reach PostgreSQL and Temporal through environment settings', () => {
    for (const name of ['api', 'worker']) {
      const env = svc(name).environment ?? {};
      expect(String(env.DATABASE_URL)).toMatch(/@postgres:5432\//);
      expect(env.TEMPORAL_ADDRESS).toBe('temporal:7233');
      expect(env.RUTA_TASK_QUEUE).toBeDefined();
    }
  });

  test('the worker runs compiled (built in the image), with Node flags that bound its memory', () => {
    const command = svc('worker').command as string[];
    expect(command[0]).toBe('node');
    expect(command.at(-1)).toBe('engine/dist/worker-main.mjs');
    expect(command).not.toContain('tsx');
    expect(command.some((flag) => flag.startsWith('--max-old-space-size='))).toBe(true);
    expect(dockerfile).toMatch(/pnpm build:worker/);
  });

  test('the worker can be scaled: no fixed name, no published port', () => {
    expect(svc('worker').container_name).toBeUndefined();
    expect(svc('worker').ports).toBeUndefined();
  });

  test('the search attributes Ruta registers in development are registered in production too', () => {
    const init = JSON.stringify(svc('temporal-init').command);
    for (const [name, type] of Object.entries(RUTA_SEARCH_ATTRIBUTES))
      expect(init).toContain(`${name}:${type}`);
  });

  test('the image is Debian-based (the Temporal core bridge has no musl build)', () => {
    const bases = [...dockerfile.matchAll(/^FROM\s+(\S+)/gm)].map((m) => m[1]);
    expect(bases.length).toBeGreaterThan(0);
    for (const base of bases) {
      expect(base).toMatch(/bookworm|bullseye|trixie/);
      expect(base).not.toMatch(/alpine/);
    }
  });
});
