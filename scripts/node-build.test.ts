import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildNode, ensureNodeBuild, entryFile, OUT_DIR, readBuild, staleReason } from './node-build.mjs';
import { useTempDirs } from '../test/support/tempDirs';

const tempDir = useTempDirs();

/** A tiny project: one entry importing a helper, built exactly like the app's Node side. */
const ENTRIES = { hello: 'src/hello.ts' };

function project(): string {
  const root = tempDir('sla-node-build-');
  mkdirSync(join(root, 'src'), { recursive: true });
  writeFileSync(join(root, 'package.json'), '{ "name": "tiny", "type": "module" }\n');
  writeFileSync(join(root, 'src', 'greeting.ts'), 'export const greeting = (name: string): string => `hello ${name}`;\n');
  writeFileSync(join(root, 'src', 'hello.ts'), "import { greeting } from './greeting';\nprocess.stdout.write(greeting('built'));\n");
  // Sources older than the build, as after a checkout followed by a build.
  const old = new Date(Date.now() - 60_000);
  for (const file of ['src/greeting.ts', 'src/hello.ts']) utimesSync(join(root, file), old, old);
  return root;
}

const runEntry = (file: string) => spawnSync(process.execPath, [file], { encoding: 'utf8' }).stdout;
const touch = (root: string, file: string) => {
  const later = new Date(Date.now() + 5_000);
  utimesSync(join(root, file), later, later);
};

describe('the Node build (scripts/node-build.mjs)', () => {
  it('builds TypeScript entries to JavaScript that Node runs as it is', async () => {
    const root = project();
    const build = await buildNode({ root, entries: ENTRIES, quiet: true });
    expect(runEntry(entryFile(build, 'hello', root))).toBe('hello built');
    expect(readBuild(root)).toEqual(build);
    expect(Object.keys(build.inputs).sort()).toEqual(['src/greeting.ts', 'src/hello.ts']);
    expect(staleReason(build, root)).toBeNull();
  });

  it('is stale when there is none, when an entry file is gone, or when a source it read changed', async () => {
    const root = project();
    expect(staleReason(readBuild(root), root)).toBe('missing');
    const build = await buildNode({ root, entries: ENTRIES, quiet: true });
    touch(root, 'src/greeting.ts');
    expect(staleReason(build, root)).toBe('src/greeting.ts changed');

    const other = project();
    const built = await buildNode({ root: other, entries: ENTRIES, quiet: true });
    rmSync(entryFile(built, 'hello', other));
    expect(staleReason(built, other)).toBe('entry hello missing');
  });

  it('ignores a recorded source that no longer exists (an installation may ship the build alone)', async () => {
    const root = project();
    const build = await buildNode({ root, entries: ENTRIES, quiet: true });
    rmSync(join(root, 'src'), { recursive: true });
    expect(staleReason(build, root)).toBeNull();
    expect(runEntry(entryFile(build, 'hello', root))).toBe('hello built');
  });

  it('rebuilds a stale build into a new folder and keeps the previous one for commands still running it', async () => {
    const root = project();
    const first = await ensureNodeBuild({ root, entries: ENTRIES });
    expect(await ensureNodeBuild({ root, entries: ENTRIES })).toEqual(first);
    writeFileSync(join(root, 'src', 'greeting.ts'), 'export const greeting = (name: string): string => `hola ${name}`;\n');
    touch(root, 'src/greeting.ts');
    const second = await ensureNodeBuild({ root, entries: ENTRIES });
    expect(second.id).not.toBe(first.id);
    expect(runEntry(entryFile(second, 'hello', root))).toBe('hola built');
    expect(runEntry(entryFile(first, 'hello', root))).toBe('hello built');
    expect(readBuild(root)?.id).toBe(second.id);
  });

  it('builds once when several processes find it stale at the same time', async () => {
    const root = project();
    const builds = await Promise.all([1, 2, 3].map(() => ensureNodeBuild({ root, entries: ENTRIES })));
    expect(new Set(builds.map((b) => b.id)).size).toBe(1);
    const folders = readdirSync(join(root, OUT_DIR), { withFileTypes: true }).filter((e) => e.isDirectory());
    expect(folders.map((f) => f.name)).toEqual([builds[0]!.id]);
    expect(existsSync(join(root, OUT_DIR, '.building'))).toBe(false);
  });

  it('takes over a lock left by a process that died mid-build', async () => {
    const root = project();
    mkdirSync(join(root, OUT_DIR), { recursive: true });
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    writeFileSync(join(root, OUT_DIR, '.building'), dead);
    const build = await ensureNodeBuild({ root, entries: ENTRIES });
    expect(runEntry(entryFile(build, 'hello', root))).toBe('hello built');
  });

  it('leaves the current build in place when a source does not compile', async () => {
    const root = project();
    const good = await buildNode({ root, entries: ENTRIES, quiet: true });
    writeFileSync(join(root, 'src', 'greeting.ts'), 'export const greeting = (name: string => ;\n');
    await expect(buildNode({ root, entries: ENTRIES, quiet: true })).rejects.toThrow();
    expect(readBuild(root)?.id).toBe(good.id);
    const folders = readdirSync(join(root, OUT_DIR), { withFileTypes: true }).filter((e) => e.isDirectory());
    expect(folders.map((f) => f.name)).toEqual([good.id]);
  });

  it('refuses a build record that names a folder outside out/node', () => {
    const root = project();
    mkdirSync(join(root, OUT_DIR), { recursive: true });
    writeFileSync(join(root, OUT_DIR, 'build.json'), JSON.stringify({ id: '../../elsewhere', entries: ['hello'], inputs: {} }));
    expect(readBuild(root)).toBeNull();
    expect(statSync(join(root, OUT_DIR)).isDirectory()).toBe(true);
  });
});
