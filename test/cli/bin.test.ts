import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NODE_ENTRIES } from '../../scripts/node-build-state.mjs';
import { useTempDirs } from '../support/tempDirs';
import type { RunResult } from './helpers';

/**
 * bin/sla-workshop.mjs in a copy of the project whose command is a one-line stand-in: no build at first (as
 * right after `npm install` if `prepare` did not run), then sources edited, broken, or run in development.
 */
const tempDir = useTempDirs();
const REPO = resolve('.');
/** Every entry the build compiles gets a stand-in, so an entry added later is covered without editing this list. */
const STAND_INS: string[] = Object.values(NODE_ENTRIES);

function copyOfProject(): string {
  const root = tempDir('sla-bin-');
  for (const file of ['bin/sla-workshop.mjs', 'scripts/node-build.mjs', 'scripts/node-build-state.mjs', 'scripts/compile-cache.mjs', 'package.json']) {
    mkdirSync(join(root, file, '..'), { recursive: true });
    copyFileSync(join(REPO, file), join(root, file));
  }
  symlinkSync(join(REPO, 'node_modules'), join(root, 'node_modules'), 'dir');
  for (const file of STAND_INS) {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), 'export {};\n');
  }
  writeCommand(root, 'first');
  return root;
}

let editions = 0;

/** The stand-in command prints what it is and whether it runs as TypeScript (through tsx) or built. */
function writeCommand(root: string, word: string): void {
  const file = join(root, 'src/main/cli/main.ts');
  writeFileSync(file, `const word: string = '${word}';\nprocess.stdout.write(\`\${word} \${import.meta.url.endsWith('.ts') ? 'sources' : 'built'}\`);\n`);
  // A distinct modification time for each edit, whatever the file system's clock resolution.
  editions += 1;
  const at = new Date(Date.now() + editions * 1_000);
  utimesSync(file, at, at);
}

function runBin(root: string, env: Record<string, string> = {}): Promise<RunResult> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [join(root, 'bin/sla-workshop.mjs')], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LANG: 'en_US.UTF-8', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

describe('bin/sla-workshop.mjs', () => {
  it('builds on the first run, then runs the build; an edited source is rebuilt before it runs', async () => {
    const root = copyOfProject();
    expect(await runBin(root)).toEqual({ code: 0, stdout: 'first built', stderr: '' });
    writeCommand(root, 'second');
    expect(await runBin(root)).toEqual({ code: 0, stdout: 'second built', stderr: '' });
  });

  it('runs the TypeScript sources through tsx with SLA_WORKSHOP_DEV=1, without building', async () => {
    const root = copyOfProject();
    expect(await runBin(root, { SLA_WORKSHOP_DEV: '1' })).toEqual({ code: 0, stdout: 'first sources', stderr: '' });
    expect(existsSync(join(root, 'out'))).toBe(false);
  });

  it('says in the user language that it cannot start when a source does not build, with the reason, exit 2', async () => {
    const root = copyOfProject();
    writeFileSync(join(root, 'src/main/cli/main.ts'), 'const broken: string = ;\n');
    const result = await runBin(root, { LANG: 'es_ES.UTF-8' });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/main\.ts/);
    expect(result.stderr.trim().split('\n').at(-1)).toBe('sla-workshop no pudo iniciarse: la instalación está incompleta (ejecuta «npm install»).');
  });
});
