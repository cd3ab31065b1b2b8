import type { MenuItemConstructorOptions } from 'electron';

/**
 * The application menu. Role items carry Electron's own (platform-localised) labels; the Edit roles are
 * what make copy, paste and select-all work in text fields (and their shortcuts on macOS).
 *
 * Undo and redo are deliberately absent: the workshop has its own undo across fields (Ctrl/Cmd+Z), and a
 * menu accelerator would take the key first and run the browser's per-field text undo instead. Full
 * screen stays in the menu but does not claim F11 / Ctrl+Cmd+F, which the page uses for presentation mode.
 */
export function buildMenuTemplate(options: { isPackaged: boolean; platform: NodeJS.Platform }): MenuItemConstructorOptions[] {
  const isMac = options.platform === 'darwin';
  const view: MenuItemConstructorOptions[] = [
    { role: 'reload' },
    { role: 'forceReload' },
    ...(options.isPackaged ? [] : [{ role: 'toggleDevTools' } as const]),
    { type: 'separator' },
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen', registerAccelerator: false },
  ];
  return [
    ...(isMac ? [{ role: 'appMenu' } as const] : []),
    { role: 'fileMenu', submenu: [isMac ? { role: 'close' } : { role: 'quit' }] },
    {
      role: 'editMenu',
      submenu: [
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'pasteAndMatchStyle' },
        { role: 'delete' },
        { type: 'separator' },
        { role: 'selectAll' },
      ],
    },
    { role: 'viewMenu', submenu: view },
    { role: 'windowMenu' },
  ];
}
