import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../test/support/tempDirs';

const tempDir = useTempDirs();
const MODULE = pathToFileURL(fileURLToPath(new URL('./compile-cache.mjs', import.meta.url))).href;

/** A folder with a CommonJS module (requiring a second one) and the cache folder beside it. */
function project(): { dir: string; cache: string; main: string } {
  const dir = tempDir('sla-compile-cache-');
  writeFileSync(join(dir, 'word.cjs'), "module.exports = 'hello';\n");
  writeFileSync(join(dir, 'main.cjs'), "#!/usr/bin/env node\nmodule.exports = () => `${require('./word.cjs')} ${typeof require.resolve}`;\n");
  return { dir, cache: join(dir, 'cache'), main: join(dir, 'main.cjs') };
}

/** One process: installs the cache, requires main.cjs, prints what it says and how each file was compiled. */
function run({ dir, cache, main }: ReturnType<typeof project>): { says: string; fromCache: string[]; compiled: string[] } {
  const script = `
    const { installCompileCache } = await import(${JSON.stringify(MODULE)});
    const { createRequire } = await import('node:module');
    const report = installCompileCache(${JSON.stringify(cache)}, [${JSON.stringify(dir)}]);
    const says = createRequire(${JSON.stringify(main)})(${JSON.stringify(main)})();
    const base = (files) => files.map((file) => file.split('/').pop()).sort();
    process.stdout.write(JSON.stringify({ says, fromCache: base(report.fromCache), compiled: base(report.compiled) }));`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout) as { says: string; fromCache: string[]; compiled: string[] };
}

const later = (file: string, seconds: number) => utimesSync(file, new Date(Date.now() + seconds * 1000), new Date(Date.now() + seconds * 1000));

describe('the compile cache of the built command (scripts/compile-cache.mjs)', () => {
  it('compiles on the first run and starts the next runs from the code V8 left on disk', () => {
    const p = project();
    expect(run(p)).toEqual({ says: 'hello function', fromCache: [], compiled: ['main.cjs', 'word.cjs'] });
    expect(readdirSync(p.cache)).toHaveLength(2);
    expect(run(p)).toEqual({ says: 'hello function', fromCache: ['main.cjs', 'word.cjs'], compiled: [] });
  });

  it('never runs the code of an older text of a file, even of the same length (V8 compares only the length)', () => {
    const p = project();
    run(p);
    writeFileSync(join(p.dir, 'word.cjs'), "module.exports = 'hallo';\n");
    later(join(p.dir, 'word.cjs'), 5);
    expect(run(p)).toEqual({ says: 'hallo function', fromCache: ['main.cjs'], compiled: ['word.cjs'] });
    expect(run(p).fromCache).toEqual(['main.cjs', 'word.cjs']);
  });

  it('ignores a damaged cache file, compiles instead and writes it again', () => {
    const p = project();
    run(p);
    for (const name of readdirSync(p.cache)) {
      const bytes = readFileSync(join(p.cache, name));
      bytes.writeUInt8(bytes.readUInt8(bytes.length - 1) ^ 0xff, bytes.length - 1);
      writeFileSync(join(p.cache, name), bytes);
    }
    expect(run(p)).toEqual({ says: 'hello function', fromCache: [], compiled: ['main.cjs', 'word.cjs'] });
    expect(run(p).fromCache).toEqual(['main.cjs', 'word.cjs']);
  });

  it('leaves files outside its folders to Node, and works when the cache cannot be written', () => {
    const p = project();
    writeFileSync(join(p.dir, 'cache'), 'a file where the cache folder would go');
    expect(run(p)).toEqual({ says: 'hello function', fromCache: [], compiled: ['main.cjs', 'word.cjs'] });
    expect(run({ ...p, cache: join(p.dir, 'elsewhere'), dir: join(p.dir, 'not-here') })).toEqual({ says: 'hello function', fromCache: [], compiled: [] });
  });
});
