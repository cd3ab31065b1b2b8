import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { entryFile, readBuild } from '../../scripts/node-build.mjs';
import { runCli, type RunResult } from './helpers';
import { useTempDirs } from '../support/tempDirs';

/**
 * The command runs its JavaScript build and loads, per command, only what that command needs. Each run is
 * started with test/support/recordModules.mjs, which writes down every module Node's loader loads.
 */
const RECORDER = fileURLToPath(new URL('../support/recordModules.mjs', import.meta.url));
const dir = useTempDirs()('slaw-cli-build-');
let runs = 0;

async function recorded(args: string[]): Promise<{ result: RunResult; modules: string[]; packages: Set<string> }> {
  const log = join(dir, `modules-${++runs}.txt`);
  writeFileSync(log, '');
  const result = await runCli(args, { cwd: dir, nodeArgs: ['--import', RECORDER], env: { SLA_RECORD_MODULES: log } });
  const modules = readFileSync(log, 'utf8')
    .split('\n')
    .filter((url) => url.startsWith('file:'));
  const packages = new Set(modules.flatMap((url) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1] ?? []));
  return { result, modules, packages };
}

const HEAVY = ['docx', 'node-forge', 'xml-crypto', 'better-sqlite3', 'jszip', '@xmldom/xmldom'];

describe('the built sla-workshop command', () => {
  it('runs the current build in out/node, never the TypeScript sources and never tsx', async () => {
    const build = readBuild();
    expect(build).not.toBeNull();
    const { result, modules, packages } = await recorded(['--lang', 'en', 'example', '-o', 'example.slaw']);
    expect(result.code).toBe(0);
    expect(modules).toContain(pathToFileURL(entryFile(build!, 'sla-workshop')).href);
    expect(modules.filter((url) => url.endsWith('.ts') || url.endsWith('.tsx'))).toEqual([]);
    expect(packages.has('tsx')).toBe(false);
    expect(packages.has('vite')).toBe(false);
  });

  it('answers --version from package.json without loading any package, the same as through the command table', async () => {
    const { result, packages } = await recorded(['--version']);
    expect(result).toEqual({ code: 0, stdout: `${JSON.parse(readFileSync('package.json', 'utf8')).version}\n`, stderr: '' });
    expect([...packages]).toEqual([]);
    // `--lang en --version` goes through commander: the same answer.
    expect(await runCli(['--lang', 'en', '--version'])).toEqual(result);
    expect((await runCli(['-V'])).stdout).toBe(result.stdout);
  });

  it('validates without loading docx, the signing packages or SQLite', async () => {
    const { result, packages } = await recorded(['validate', 'example.slaw']);
    expect(result.code).toBe(0);
    for (const heavy of HEAVY) expect(packages.has(heavy), heavy).toBe(false);
  });

  it('exports a Word document with docx, records it through SQLite, and loads node-forge and xml-crypto only to seal it', async () => {
    const { result, packages } = await recorded(['export', 'example.slaw', '-o', 'example.docx']);
    expect(result.code).toBe(0);
    expect(packages.has('docx')).toBe(true);
    // Every export is recorded in the data folder's database (the trust anchor of `verify --data-dir`).
    expect(packages.has('better-sqlite3')).toBe(true);
    for (const unused of ['node-forge', 'xml-crypto']) expect(packages.has(unused), unused).toBe(false);
  });

  it("runs as CommonJS with V8's compiled code of its chunks and of docx kept in its build folder (Node 20)", async () => {
    const build = readBuild();
    const entry = entryFile(build!, 'sla-workshop');
    expect(entry.endsWith('.cjs')).toBe(true);
    const { result, modules } = await recorded(['export', 'example.slaw', '-o', 'cached.docx']);
    expect(result.code).toBe(0);
    expect(modules).toContain(pathToFileURL(entry).href);
    // Node 22.1+ keeps its own cache (module.enableCompileCache) instead of ours.
    if (process.versions.node.split('.').map(Number)[0] === 20) {
      const cache = readdirSync(join(dirname(entry), 'v8-cache', `${process.version}-${process.arch}`));
      // One per chunk the export loaded, and more: docx and the other packages it requires.
      expect(cache.filter((name) => name.endsWith('.bin')).length).toBeGreaterThan(modules.filter((url) => url.endsWith('.cjs')).length);
    }
  });

  it('lists a data folder through SQLite without loading docx', async () => {
    expect((await runCli(['import', 'example.slaw', '--data-dir', 'data'], { cwd: dir })).code).toBe(0);
    const { result, packages } = await recorded(['list', '--data-dir', 'data']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Marketing');
    expect(packages.has('better-sqlite3')).toBe(true);
    expect(packages.has('docx')).toBe(false);
  });
});
