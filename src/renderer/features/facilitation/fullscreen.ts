/**
 * The browser's Fullscreen API for presentation mode. It may be refused (no user gesture, an iframe, a
 * kiosk policy, a permission handler): presentation mode then simply stays a CSS layout in the window.
 */

/** Whether the current fullscreen was asked for by presentation mode (so leaving it does not undo the user's own). */
let ours = false;
/** Presentation mode still wants fullscreen; a quick exit before the request settles cancels it. */
let wanted = false;

export async function enterFullscreen(): Promise<void> {
  if (typeof document === 'undefined' || document.fullscreenElement) return;
  const root = document.documentElement;
  if (!document.fullscreenEnabled || typeof root.requestFullscreen !== 'function') return;
  wanted = true;
  try {
    await root.requestFullscreen({ navigationUI: 'hide' });
    ours = true;
    if (!wanted) exitFullscreen();
  } catch {
    // Refused: the CSS presentation layout works without it.
  }
}

export function exitFullscreen(): void {
  const wasOurs = ours;
  ours = false;
  wanted = false;
  if (typeof document === 'undefined' || !wasOurs || !document.fullscreenElement) return;
  document.exitFullscreen().catch(() => {
    // Already left (Esc raced us): nothing to undo.
  });
}

/**
 * For `fullscreenchange`: true when the fullscreen presentation mode asked for has just ended by other
 * means (Esc, the browser's own UI), which should end presentation mode too.
 */
export function ourFullscreenEnded(): boolean {
  if (!ours || document.fullscreenElement) return false;
  ours = false;
  return true;
}
