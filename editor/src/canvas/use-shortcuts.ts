import { useEffect } from 'react';
import { useEditorStore } from '../store/editor-context';
import { useReadableFit } from './use-readable-fit';

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return (
    !!el &&
    (el.tagName === 'INPUT' ||
      el.tagName === 'TEXTAREA' ||
      el.tagName === 'SELECT' ||
      el.isContentEditable)
  );
}

/** Ctrl/⌘-Z undo, Shift-Ctrl-Z / Ctrl-Y redo, Ctrl-C / Ctrl-V copy-paste, Ctrl-Shift-F zoom to fit. */
export function useShortcuts() {
  const store = useEditorStore();
  const fit = useReadableFit();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (typing(event.target) || !(event.ctrlKey || event.metaKey)) return;
      const key = event.key.toLowerCase();
      const state = store.getState();
      if (key === 'z' && !event.shiftKey) state.undo();
      else if ((key === 'z' && event.shiftKey) || key === 'y') state.redo();
      else if (key === 'c' && state.selectedId) state.copy([state.selectedId]);
      else if (key === 'v') {
        const pasted = state.paste();
        if (pasted[0]) state.select(pasted[0]);
      } else if (key === 'f' && event.shiftKey) fit();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, fit]);
}
