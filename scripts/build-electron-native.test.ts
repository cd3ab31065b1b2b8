import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildElectronNative, buildStamp, failureReason, isUpToDate, nodeGypArgs, nodeGypEnv } from './build-electron-native.mjs';
import { useTempDirs } from '../test/support/tempDirs';

const tempDir = useTempDirs();

const ROOT = resolve(import.meta.dirname, '..');
const NODE_BINDING = join(ROOT, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

describe('the node-gyp invocation', () => {
  it('drops the npm settings that would silently build for Node (nodedir) or fight our target', () => {
    const env = nodeGypEnv({
      npm_config_nodedir: '/usr',
      NPM_CONFIG_NODEDIR: '/usr',
      npm_config_target: '20.0.0',
      npm_config_runtime: 'node',
      npm_config_disturl: 'x',
      npm_config_proxy: 'http://proxy:3128',
      PATH: '/bin',
    });
    expect(env).toEqual({ npm_config_proxy: 'http://proxy:3128', PATH: '/bin' });
  });

  it('targets Electron’s version and headers, for a release build', () => {
    const stamp = { electron: '45.5.0', abi: '150', betterSqlite3: '12.11.1', platform: 'linux', arch: 'x64' };
    expect(nodeGypArgs('install', stamp)).toEqual([
      'install',
      '--target=45.5.0',
      '--dist-url=https://electronjs.org/headers',
      '--runtime=electron',
      '--arch=x64',
      '--ensure',
    ]);
    expect(nodeGypArgs('rebuild', stamp, 'https://mirror.example/headers')).toEqual(
      expect.arrayContaining(['rebuild', '--target=45.5.0', '--dist-url=https://mirror.example/headers', '--release']),
    );
  });

  it('records what the build is for: the installed electron and better-sqlite3', () => {
    const stamp = buildStamp(ROOT);
    expect(stamp.electron).toBe(JSON.parse(readFileSync(join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')).version);
    expect(stamp.betterSqlite3).toBe(JSON.parse(readFileSync(join(ROOT, 'node_modules', 'better-sqlite3', 'package.json'), 'utf8')).version);
  });

  it('calls a build stale when any recorded field differs or the binary is missing', () => {
    const dir = tempDir('sla-stamp-');
    const stamp = { electron: '45.5.0', abi: '150', betterSqlite3: '12.11.1', platform: 'linux', arch: 'x64' };
    writeFileSync(join(dir, 'stamp.json'), JSON.stringify(stamp));
    expect(isUpToDate(dir, stamp)).toBe(false);
    writeFileSync(join(dir, 'better_sqlite3.node'), '');
    expect(isUpToDate(dir, stamp)).toBe(true);
    expect(isUpToDate(dir, { ...stamp, electron: '46.0.0' })).toBe(false);
    expect(isUpToDate(dir, { ...stamp, betterSqlite3: '12.12.0' })).toBe(false);
  });

  it('sums a failure up in a few words', () => {
    expect(failureReason('gyp http fetch GET https://x attempt 1 failed with ENOTFOUND\ngyp ERR! not ok', 'headers')).toBe(
      'cannot download the Electron headers: ENOTFOUND',
    );
    const compile = [
      '  CXX(target) Release/obj.target/better_sqlite3/src/better_sqlite3.o',
      '../src/better_sqlite3.cpp:4:10: fatal error: node.h: No such file or directory',
      'gyp ERR! build error',
      'gyp ERR! stack Error: `make` failed with exit code: 2',
      'gyp ERR! stack at ChildProcess.<anonymous>',
      'gyp ERR! not ok',
    ];
    expect(failureReason(compile.join('\n'), 'build')).toBe('../src/better_sqlite3.cpp:4:10: fatal error: node.h: No such file or directory');
    expect(failureReason(compile.slice(2).join('\n'), 'build')).toBe('`make` failed with exit code: 2');
    expect(failureReason('', 'build')).toBe('the compiler failed');
  });
});

describe('scripts/build-electron-native.mjs offline', () => {
  it('prints one warning line, exits 0, and leaves node_modules/better-sqlite3 untouched', async () => {
    const before = sha(NODE_BINDING);
    const out = tempDir('sla-native-out-');
    const result = spawnSync(process.execPath, ['scripts/build-electron-native.mjs', '--out', out], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
      env: {
        ...process.env,
        LC_ALL: 'en_US.UTF-8',
        SLA_WORKSHOP_ELECTRON_HEADERS_URL: `http://127.0.0.1:${await closedPort()}/headers`,
        npm_config_devdir: tempDir('sla-devdir-'),
        npm_config_nodedir: '/usr',
      },
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('ECONNREFUSED');
    expect(existsSync(join(out, 'better_sqlite3.node'))).toBe(false);
    expect(existsSync(join(out, 'build.log'))).toBe(true);
    expect(sha(NODE_BINDING)).toBe(before);
  });
});

const nodeHeaders = join(dirname(process.execPath), '..', 'include', 'node');

// Node's own headers ship with Node (…/include/node) on every machine this project builds on.
describe('a successful build (a stand-in package compiled against cached headers)', () => {
  it('lands in the output folder with its stamp, is then up to date, and never touches the package', async () => {
    const root = tempDir('sla-native-root-');
    const modules = join(root, 'node_modules');
    mkdirSync(join(modules, 'electron'), { recursive: true });
    writeFileSync(join(modules, 'electron', 'package.json'), JSON.stringify({ version: '45.5.0' }));
    writeFileSync(join(modules, 'electron', 'abi_version'), '150');
    const pkg = join(modules, 'better-sqlite3');
    mkdirSync(pkg);
    writeFileSync(join(pkg, 'package.json'), JSON.stringify({ version: '0.0.0-stand-in' }));
    writeFileSync(join(pkg, 'binding.gyp'), "{ 'targets': [ { 'target_name': 'better_sqlite3', 'sources': ['stand_in.c'] } ] }");
    writeFileSync(join(pkg, 'stand_in.c'), 'int sla_stand_in = 1;\n');
    symlinkSync(join(ROOT, 'node_modules', 'node-gyp'), join(modules, 'node-gyp'), 'dir');
    // Headers "already downloaded" for 45.5.0, as node-gyp caches them: no network needed.
    const devdir = tempDir('sla-devdir-');
    mkdirSync(join(devdir, '45.5.0', 'include'), { recursive: true });
    cpSync(nodeHeaders, join(devdir, '45.5.0', 'include', 'node'), { recursive: true });
    writeFileSync(join(devdir, '45.5.0', 'installVersion'), '11\n');

    const outDir = join(root, '.native-electron');
    const env = { ...process.env, npm_config_devdir: devdir, npm_config_nodedir: '/usr' };
    expect(await buildElectronNative({ root, outDir, env })).toEqual({ status: 'built' });
    expect(existsSync(join(outDir, 'better_sqlite3.node'))).toBe(true);
    expect(JSON.parse(readFileSync(join(outDir, 'stamp.json'), 'utf8'))).toMatchObject({ electron: '45.5.0', abi: '150', betterSqlite3: '0.0.0-stand-in' });
    expect(existsSync(join(pkg, 'build'))).toBe(false);
    expect(await buildElectronNative({ root, outDir, env })).toEqual({ status: 'up-to-date' });
  }, 120_000);
});
