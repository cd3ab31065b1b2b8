import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { electronBinary, start } from './start.mjs';
import { useTempDirs } from '../test/support/tempDirs';

const tempDir = useTempDirs();

function electronDir(withPathTxt: boolean, withBinary: boolean) {
  const dir = tempDir('sla-electron-');
  if (withPathTxt) writeFileSync(join(dir, 'path.txt'), 'electron');
  if (withBinary) {
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist', 'electron'), '');
  }
  return dir;
}

describe('finding the Electron binary without importing electron', () => {
  it('needs both path.txt and the file it names under dist/', () => {
    expect(electronBinary(electronDir(false, false), {})).toBeNull();
    expect(electronBinary(electronDir(true, false), {})).toBeNull();
    const dir = electronDir(true, true);
    expect(electronBinary(dir, {})).toBe(join(dir, 'dist', 'electron'));
  });

  it('honours ELECTRON_EXEC_PATH, as electron-vite does, when that file exists', () => {
    const dir = electronDir(true, true);
    expect(electronBinary(electronDir(false, false), { ELECTRON_EXEC_PATH: join(dir, 'dist', 'electron') })).toBe(join(dir, 'dist', 'electron'));
    expect(electronBinary(dir, { ELECTRON_EXEC_PATH: join(dir, 'missing') })).toBeNull();
  });
});

function deps(found: (string | null)[]) {
  const order: string[] = [];
  let calls = 0;
  return {
    order,
    findElectron: vi.fn(() => found[Math.min(calls++, found.length - 1)] ?? null),
    installElectron: vi.fn(async () => void order.push('install')),
    buildNative: vi.fn(async () => void order.push('native')),
    runElectronVite: vi.fn(async (args: string[]) => (order.push(`electron-vite ${args.join(' ')}`), 3)),
    printMessage: vi.fn(async (key: string) => void order.push(`message ${key}`)),
    runWeb: vi.fn(async (args: string[], options: unknown) => (order.push(`web ${args.join(' ')} ${JSON.stringify(options)}`), 0)),
  };
}

describe('npm start', () => {
  it('with Electron present builds the native module, then previews the app and returns its exit code', async () => {
    const d = deps(['/x/electron']);
    expect(await start([], d)).toBe(3);
    expect(d.order).toEqual(['native', 'electron-vite preview']);
    expect(d.installElectron).not.toHaveBeenCalled();
  });

  it('with --dev runs the dev server and passes other arguments to the app', async () => {
    const d = deps(['/x/electron']);
    await start(['--dev', '--data-dir=/tmp/d'], d);
    expect(d.order).toEqual(['native', 'electron-vite dev -- --data-dir=/tmp/d']);
  });

  it('tries the installer once when the binary is missing, and uses it when that works', async () => {
    const d = deps([null, '/x/electron']);
    await start([], d);
    expect(d.order).toEqual(['install', 'native', 'electron-vite preview']);
  });

  it('without Electron prints the one translated line, then runs browser mode with the same arguments', async () => {
    const d = deps([null]);
    expect(await start(['--port', '0', '--no-open'], d)).toBe(0);
    expect(d.order).toEqual(['install', 'message cli.start.noElectron', 'web --port 0 --no-open {"quietBuild":true}']);
    expect(d.printMessage).toHaveBeenCalledTimes(1);
    expect(d.buildNative).not.toHaveBeenCalled();
    expect(d.runElectronVite).not.toHaveBeenCalled();
  });
});
