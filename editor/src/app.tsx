import { useEffect, useState } from 'react';

interface Health {
  status: string;
  postgres: { ok: boolean };
  temporal: { ok: boolean };
}

/** Placeholder shell until the editor lands: shows that the stack is up. */
export function App() {
  const [health, setHealth] = useState<Health | undefined>();
  useEffect(() => {
    fetch('/api/health')
      .then((r) => r.json())
      .then(setHealth)
      .catch(() => undefined);
  }, []);
  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', padding: 32 }}>
      <h1>Ruta</h1>
      <p>Journeys por WhatsApp, SMS, email y RCS.</p>
      <p data-testid="health">
        PostgreSQL: {health ? (health.postgres.ok ? '✔' : '✘') : '…'} · Temporal:{' '}
        {health ? (health.temporal.ok ? '✔' : '✘') : '…'}
      </p>
    </main>
  );
}
