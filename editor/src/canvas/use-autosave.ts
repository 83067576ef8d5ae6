import { useEffect } from 'react';
import { call, client, errorText } from '../api/client';
import { currentLang } from '../i18n/index';
import type { EditorStore } from '../store/editor-store';

/** Saves the draft 800 ms after the last change; the store tracks saving / saved / failed. */
export function useAutosave(store: EditorStore, delayMs = 800) {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = store.subscribe((state, previous) => {
      if (
        state.readOnly ||
        state.save.revision === previous.save.revision ||
        state.save.status !== 'dirty'
      )
        return;
      clearTimeout(timer);
      timer = setTimeout(async () => {
        const { definition, layout, save, journeyId } = store.getState();
        store.getState().markSaving(save.revision);
        try {
          await call(
            client.journeys[':id'].draft.$put({
              param: { id: journeyId },
              json: { definition: definition as Record<string, unknown>, layout },
            }),
          );
          store.getState().markSaved(save.revision);
        } catch (error) {
          store.getState().markFailed(errorText(error, currentLang()));
        }
      }, delayMs);
    });
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (store.getState().save.status !== 'saved') event.preventDefault();
    };
    window.addEventListener('beforeunload', beforeUnload);
    return () => {
      unsubscribe();
      clearTimeout(timer);
      window.removeEventListener('beforeunload', beforeUnload);
    };
  }, [store, delayMs]);
}
