import { useEffect } from 'react';
import { useAppHotkeys } from '../../lib/appHotkeys';
import { useAppStore } from '../../store/appStore';
import { ourFullscreenEnded } from './fullscreen';
import '../../styles/presentation.css';

/** The class on <html> that presentation.css keys on (larger type, chrome hidden). */
export const PRESENTATION_CLASS = 'presentation-mode';

export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
/** The shortcut shown in tooltips: the platform's own fullscreen keys. Ctrl+Shift+F works everywhere too. */
export const PRESENTATION_KEYS = isMac ? '⌃⌘F' : 'F11';
/** The same keys in aria-keyshortcuts syntax, for screen readers. */
export const PRESENTATION_SHORTCUTS = 'F11 Control+Meta+F Control+Shift+F';

/** Whether the projector-friendly presentation mode is on. */
export function usePresentationMode(): boolean {
  return useAppStore((s) => s.presentation);
}

/** A drawer or dialog is open: Esc belongs to it, not to presentation mode. */
function dialogOpen(): boolean {
  return document.querySelector('[role="dialog"], [role="alertdialog"]') !== null;
}

/**
 * Wires presentation mode to the page while the workshop is on screen: the shortcuts, Esc, the <html>
 * class, leaving fullscreen by other means, and leaving presentation mode with the workshop.
 */
export function usePresentationControls(): void {
  const presentation = usePresentationMode();
  const setPresentation = useAppStore((s) => s.setPresentation);
  const toggle = () => setPresentation(!useAppStore.getState().presentation);

  // F11 and Ctrl+Cmd+F are the platforms' fullscreen keys, so they do what people expect; handling them
  // here (with preventDefault) keeps the window's own fullscreen from fighting the page's.
  // They also work while typing in a field, as undo does, and are off while a dialog is open.
  useAppHotkeys([
    ['F11', toggle],
    ['ctrl+meta+F', toggle],
    ['ctrl+shift+F', toggle],
  ]);

  useEffect(() => {
    document.documentElement.classList.toggle(PRESENTATION_CLASS, presentation);
    if (!presentation) return;
    const onKey = (event: KeyboardEvent) => {
      // In real fullscreen the browser usually takes Esc itself and we hear `fullscreenchange` instead.
      // Heard in the capture phase and defaultPrevented ignored: a focused button's tooltip swallows Esc
      // (it stops propagation to close itself), and that must not trap the room in presentation mode.
      if (event.key !== 'Escape' || dialogOpen()) return;
      setPresentation(false);
    };
    const onFullscreenChange = () => {
      if (ourFullscreenEnded()) setPresentation(false);
    };
    window.addEventListener('keydown', onKey, true);
    document.addEventListener('fullscreenchange', onFullscreenChange);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      document.removeEventListener('fullscreenchange', onFullscreenChange);
    };
  }, [presentation, setPresentation]);

  // Presentation mode belongs to the workshop screen: going home ends it (and its fullscreen).
  useEffect(
    () => () => {
      document.documentElement.classList.remove(PRESENTATION_CLASS);
      useAppStore.getState().setPresentation(false);
    },
    [],
  );
}
