import { useHotkeys } from '@mantine/hooks';

/**
 * A modal dialog or drawer is open (Mantine marks both `role="dialog"` with `aria-modal="true"`; popovers and
 * menus are not modal). Read from the page itself, so every dialog counts, whoever wrote it.
 */
export function isModalOpen(): boolean {
  return document.querySelector('[role="dialog"][aria-modal="true"], [role="alertdialog"][aria-modal="true"]') !== null;
}

export type AppHotkey = [keys: string, handler: (event: KeyboardEvent) => void];

/**
 * The one entry point for app-wide shortcuts (undo/redo, step navigation, presentation mode). While any modal
 * is open they are off: the dialog owns the keyboard, so Ctrl+Z in the signing dialog can never undo an edit of
 * the agreement behind it. The key is then left alone (not prevented), so text fields in the dialog keep their
 * own undo. Shortcuts work in text fields otherwise, as undo across fields must.
 */
export function useAppHotkeys(hotkeys: AppHotkey[]): void {
  useHotkeys(
    hotkeys.map(([keys, handler]) => [
      keys,
      (event: KeyboardEvent) => {
        if (isModalOpen()) return;
        event.preventDefault();
        handler(event);
      },
      { preventDefault: false },
    ]),
    [],
  );
}
