import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate } from './menu';

vi.mock('electron', () => ({}));

function roles(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [...(item.role ? [item.role] : []), ...(Array.isArray(item.submenu) ? roles(item.submenu) : [])]);
}

describe('the application menu', () => {
  it('has the Edit roles that make copy and paste work in text fields', () => {
    const all = roles(buildMenuTemplate({ isPackaged: true, platform: 'linux' }));
    for (const role of ['cut', 'copy', 'paste', 'selectAll', 'reload', 'togglefullscreen', 'quit']) expect(all).toContain(role);
  });

  it('leaves Ctrl/Cmd+Z to the workshop undo across fields, and F11 to presentation mode', () => {
    const template = buildMenuTemplate({ isPackaged: true, platform: 'linux' });
    const all = roles(template);
    expect(all).not.toContain('undo');
    expect(all).not.toContain('redo');
    const flat = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
      items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flat(item.submenu) : [])]);
    expect(flat(template).find((item) => item.role === 'togglefullscreen')?.registerAccelerator).toBe(false);
  });

  it('offers DevTools in development only', () => {
    expect(roles(buildMenuTemplate({ isPackaged: true, platform: 'linux' }))).not.toContain('toggleDevTools');
    expect(roles(buildMenuTemplate({ isPackaged: false, platform: 'linux' }))).toContain('toggleDevTools');
  });

  it('follows the macOS convention of an app menu', () => {
    expect(buildMenuTemplate({ isPackaged: true, platform: 'darwin' })[0]?.role).toBe('appMenu');
    expect(buildMenuTemplate({ isPackaged: true, platform: 'win32' })[0]?.role).toBe('fileMenu');
  });
});
