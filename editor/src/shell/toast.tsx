import { useEffect } from 'react';
import { create } from 'zustand';

interface Toast {
  id: number;
  text: string;
  tone: 'done' | 'error';
}

const useToasts = create<{ toasts: Toast[] }>(() => ({ toasts: [] }));
let next = 1;

/** Says that an action went through (or did not), for a few seconds, to eyes and screen readers. */
export function toast(text: string, tone: Toast['tone'] = 'done') {
  const id = next++;
  useToasts.setState((s) => ({ toasts: [...s.toasts.slice(-2), { id, text, tone }] }));
  setTimeout(
    () => useToasts.setState((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
    4_000,
  );
}

/** Where toasts show: once, in the app's layout. */
export function Toaster() {
  const toasts = useToasts((s) => s.toasts);
  useEffect(() => () => useToasts.setState({ toasts: [] }), []);
  return (
    <div className="toaster" role="status" aria-live="polite">
      {toasts.map((t) => (
        <p key={t.id} className={`toast toast-${t.tone}`} data-testid="toast">
          {t.text}
        </p>
      ))}
    </div>
  );
}
