import { useEffect } from 'react';
import { useAppHotkeys } from '../../lib/appHotkeys';
import { useAppStore } from '../../store/appStore';

/** Undo/redo across fields (also while typing in one) and step navigation from the keyboard; off while a dialog is open. */
export function useWorkshopKeys(previous: () => void, next: () => void): void {
  const undo = useAppStore((s) => s.undo);
  const redo = useAppStore((s) => s.redo);
  useAppHotkeys([
    ['mod+Z', undo],
    ['mod+shift+Z', redo],
    ['mod+Y', redo],
    ['alt+PageDown', next],
    ['alt+PageUp', previous],
  ]);
}

/** Sends unsaved edits when the page is hidden, reloaded or closed (the local copy covers the rest). */
export function useSaveOnLeave(): void {
  const saveNow = useAppStore((s) => s.saveNow);
  useEffect(() => {
    const flush = () => void saveNow();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('pagehide', flush);
    window.addEventListener('beforeunload', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('beforeunload', flush);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [saveNow]);
}
