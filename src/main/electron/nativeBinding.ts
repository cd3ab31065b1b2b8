import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Where scripts/build-electron-native.mjs puts better-sqlite3 built for Electron's ABI. */
export const NATIVE_ELECTRON_DIR = '.native-electron';
export const NATIVE_BINDING_FILE = 'better_sqlite3.node';

/**
 * The better-sqlite3 binary to load in Electron. In development node_modules holds Node's build (tests,
 * CLI and browser mode need it), so Electron loads the separate copy in `<appPath>/.native-electron` when
 * present. Packaged apps return undefined: electron-builder rebuilds native dependencies for Electron
 * while packaging, and better-sqlite3 finds that build (unpacked from the asar) by itself.
 */
export function electronNativeBinding(appPath: string, isPackaged: boolean, exists: (path: string) => boolean = existsSync): string | undefined {
  if (isPackaged) return undefined;
  const candidate = join(appPath, NATIVE_ELECTRON_DIR, NATIVE_BINDING_FILE);
  return exists(candidate) ? candidate : undefined;
}
