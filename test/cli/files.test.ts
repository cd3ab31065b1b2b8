import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createExample } from '../../src/shared/model/example';
import { serializeSlaw } from '../../src/shared/slaw/format';
import { recordFigures } from '../support/figures';
import { BIN, expectOneLineError, runCli, type RunResult } from './helpers';
import { useTempDirs } from '../support/tempDirs';

/**
 * What the command line does with files that are not what they seem: a write that fails halfway (a full
 * disk), an output that is a device or a pipe, an input that is a pipe, a data folder that is a file or
 * may not be written. Each ends in one translated line, exit 2, nothing half-written, nothing replaced.
 */

const dir = useTempDirs()('slaw-cli-files-');
/** What each case did, for `npm run reliability` (area `cli-files`), judged from what happened, before the assertions. */
const figures: Record<string, string> = {};
afterAll(() => recordFigures('cli-files', figures));
const verdict = (held: boolean, good: string, bad: string) => (held ? good : bad);
const at = (name: string) => join(dir, name);
const asRoot = process.getuid?.() === 0;
/** Each test starts several CLI processes (≈ 1 s of CPU each); generous for a loaded machine. */
const SLOW = 180_000;

/** Runs the CLI with a shell prefix (e.g. a file-size limit) and a deadline, so a hang fails instead of hanging. */
function runLimited(
  args: string[],
  options: { prefix?: string; uid?: number; lang?: string; timeoutMs?: number } = {},
): Promise<RunResult & { timedOut: boolean }> {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir, LANG: options.lang ?? 'en_US.UTF-8' };
  const quoted = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  return new Promise((resolve, reject) => {
    const child = spawn('/bin/sh', ['-c', `${options.prefix ?? ''} exec ${quoted}`], {
      cwd: process.cwd(),
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(options.uid !== undefined ? { uid: options.uid, gid: options.uid } : {}),
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs ?? 90_000);
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, timedOut });
    });
  });
}

const leftovers = (folder: string) => readdirSync(folder).filter((n) => n.endsWith('.tmp'));

describe('writing a file', () => {
  it(
    'a write that fails halfway (file-size limit: the disk "fills" at 4 KiB) leaves no partial file and keeps the old one',
    async () => {
      const folder = at('full');
      mkdirSync(folder);
      const fresh = join(folder, 'fresh.slaw');
      const kept = join(folder, 'kept.slaw');
      writeFileSync(kept, 'the previous content');
      // `ulimit -f 4`: writes past 4 KiB fail with EFBIG, as a full disk fails with ENOSPC (Node ignores SIGXFSZ).
      const [first, forced] = await Promise.all([
        runLimited(['example', '-o', fresh], { prefix: 'ulimit -f 4;' }),
        runLimited(['example', '-o', kept, '--force'], { prefix: 'ulimit -f 4;', lang: 'es_ES.UTF-8' }),
      ]);
      figures.write_fails_halfway = verdict(
        first.code === 2 && !existsSync(fresh) && leftovers(folder).length === 0,
        'refused: no partial file left',
        'accepted: a partial file was left',
      );
      figures.write_fails_halfway_with_force = verdict(
        readFileSync(kept, 'utf8') === 'the previous content',
        'refused: the previous file kept',
        'lost: the previous file was replaced',
      );
      expect(first.code).toBe(2);
      expect(expectOneLineError(first)).toBe(`Cannot write ${fresh}: the file would be larger than this disk or a size limit allows.`);
      expect(existsSync(fresh)).toBe(false);
      expect(forced.code).toBe(2);
      expect(expectOneLineError(forced)).toBe(`No se puede escribir ${kept}: el archivo sería más grande de lo que permiten este disco o un límite de tamaño.`);
      expect(readFileSync(kept, 'utf8')).toBe('the previous content');
      expect(leftovers(folder)).toEqual([]);
    },
    SLOW,
  );

  it(
    '--force replaces a regular file, but never a device, a named pipe, a folder or a symbolic link',
    async () => {
      const folder = at('special');
      mkdirSync(folder);
      // A real character device (the same as /dev/null): made here when we may, so a failure cannot touch /dev.
      const device = asRoot ? join(folder, 'device') : '/dev/null';
      if (asRoot) execFileSync('mknod', [device, 'c', '1', '3']);
      const fifo = join(folder, 'pipe');
      execFileSync('mkfifo', [fifo]);
      const sub = join(folder, 'sub');
      mkdirSync(sub);
      const target = join(folder, 'target.slaw');
      writeFileSync(target, 'target');
      const link = join(folder, 'link.slaw');
      symlinkSync(target, link);
      const regular = join(folder, 'regular.slaw');
      writeFileSync(regular, 'old');

      const results = await Promise.all([device, fifo, sub, link].map((out) => runLimited(['example', '-o', out, '--force'])));
      const reasons = ['it is a device, not a file', 'it is a named pipe (FIFO), not a file', 'it is a folder', 'it is a symbolic link'];
      const still = [lstatSync(device).isCharacterDevice(), lstatSync(fifo).isFIFO(), lstatSync(sub).isDirectory(), lstatSync(link).isSymbolicLink()];
      ['force_over_device', 'force_over_fifo', 'force_over_folder', 'force_over_symlink'].forEach((name, i) => {
        figures[name] = verdict(results[i]!.code === 2 && still[i]!, 'refused: left as it was', 'accepted: replaced');
      });
      results.forEach((r, i) => {
        const out = [device, fifo, sub, link][i]!;
        expect(r.timedOut, out).toBe(false);
        expect(r.code, out).toBe(2);
        expect(expectOneLineError(r)).toBe(`Will not write ${out}: ${reasons[i]}. --force only replaces regular files; choose another output file.`);
      });
      expect(lstatSync(device).isCharacterDevice()).toBe(true);
      expect(lstatSync(fifo).isFIFO()).toBe(true);
      expect(lstatSync(link).isSymbolicLink()).toBe(true);
      expect(readFileSync(target, 'utf8')).toBe('target');
      expect(leftovers(folder)).toEqual([]);

      const replaced = await runCli(['example', '-o', regular, '--force']);
      expect(replaced.code).toBe(0);
      expect(readFileSync(regular, 'utf8')).toContain('"format": "sla-workshop"');
    },
    SLOW,
  );
});

describe('reading a file', () => {
  it(
    'a named pipe or a device as input is refused at once with a clear line, never waited on',
    async () => {
      const fifo = at('input-pipe.slaw');
      execFileSync('mkfifo', [fifo]);
      const data = at('pipe-data');
      const runs = await Promise.all([
        runLimited(['validate', fifo], { timeoutMs: 60_000 }),
        runLimited(['import', fifo, '--data-dir', data], { timeoutMs: 60_000, lang: 'es_ES.UTF-8' }),
        runLimited(['export', fifo, '-o', at('pipe.docx')], { timeoutMs: 60_000 }),
        runLimited(['verify', fifo], { timeoutMs: 60_000 }),
        runLimited(['validate', '/dev/zero'], { timeoutMs: 60_000 }),
      ]);
      ['fifo_input_validate', 'fifo_input_import', 'fifo_input_export', 'fifo_input_verify', 'device_input_validate'].forEach((name, i) => {
        figures[name] = runs[i]!.timedOut ? 'missed: the command hung' : verdict(runs[i]!.code === 2, 'refused at once', 'accepted');
      });
      for (const r of runs) expect(r.timedOut).toBe(false);
      expect(expectOneLineError(runs[0]!)).toBe(`Cannot read ${fifo}: it is a named pipe (FIFO), not a file.`);
      expect(expectOneLineError(runs[1]!)).toBe(`No se puede leer ${fifo}: es una tubería con nombre (FIFO), no un archivo.`);
      expect(expectOneLineError(runs[2]!)).toBe(`Cannot read ${fifo}: it is a named pipe (FIFO), not a file.`);
      expect(expectOneLineError(runs[3]!)).toBe(`Cannot read ${fifo}: it is a named pipe (FIFO), not a file.`);
      expect(expectOneLineError(runs[4]!)).toBe('Cannot read /dev/zero: it is a device, not a file.');
      for (const r of runs) expect(r.code).toBe(2);
      expect(existsSync(data)).toBe(false);
      expect(existsSync(at('pipe.docx'))).toBe(false);
    },
    SLOW,
  );
});

describe('the data folder', () => {
  it(
    'a data folder that is a file is an error for every command that uses one, not "no agreements"',
    async () => {
      const file = at('data-is-a-file');
      writeFileSync(file, 'not a folder');
      const slaw = at('for-import.slaw');
      writeFileSync(slaw, serializeSlaw(createExample('en'), 'test'));
      const runs = await Promise.all([
        runCli(['list', '--data-dir', file]),
        runCli(['list', '--data-dir', join(file, 'inside')]),
        runCli(['import', slaw, '--data-dir', file], { lang: 'es_ES.UTF-8' }),
        runCli(['export-slaw', 'some-id', '-o', at('none.slaw'), '--data-dir', file]),
        runCli(['list'], { env: { SLA_WORKSHOP_DATA_DIR: file } }),
      ]);
      // Refused in the run's own language (one run is in Spanish): exit 2, naming the data folder.
      figures.data_dir_is_a_file_refused = `${runs.filter((r) => r.code === 2 && r.stderr.includes(file)).length}/${runs.length}`;
      for (const r of runs) {
        expect(r.code).toBe(2);
        expect(r.stdout).toBe('');
      }
      expect(expectOneLineError(runs[0]!)).toBe(
        `The data folder ${file} is not a folder (it is a file, or lies inside one). Choose another data folder; nothing was changed.`,
      );
      expect(expectOneLineError(runs[1]!)).toBe(
        `The data folder ${join(file, 'inside')} is not a folder (it is a file, or lies inside one). Choose another data folder; nothing was changed.`,
      );
      expect(expectOneLineError(runs[2]!)).toBe(
        `La carpeta de datos ${file} no es una carpeta (es un archivo o está dentro de uno). Elige otra carpeta de datos; no se ha cambiado nada.`,
      );
      expect(expectOneLineError(runs[3]!)).toContain(`The data folder ${file} is not a folder`);
      expect(expectOneLineError(runs[4]!)).toContain(`The data folder ${file} is not a folder`);
      expect(readFileSync(file, 'utf8')).toBe('not a folder');
    },
    SLOW,
  );

  it(
    'a read-only data folder says so (run as an unprivileged user, since root may write anywhere)',
    async () => {
      const folder = at('read-only');
      const data = join(folder, 'data');
      mkdirSync(data, { recursive: true });
      const slaw = at('ro.slaw');
      writeFileSync(slaw, serializeSlaw(createExample('en'), 'test'));
      expect((await runCli(['import', slaw, '--data-dir', data])).code).toBe(0);
      chmodSync(dir, 0o755);
      chmodSync(folder, 0o755);
      chmodSync(slaw, 0o644);
      chmodSync(data, 0o555);
      const user = asRoot ? { uid: 65534 } : {};
      const [listed, imported] = await Promise.all([
        runLimited(['list', '--data-dir', data], user),
        runLimited(['import', slaw, '--data-dir', data], { ...user, lang: 'es_ES.UTF-8' }),
      ]);
      chmodSync(data, 0o755);
      figures.read_only_data_dir = verdict(
        listed.code === 2 && listed.stderr.includes('is read-only') && imported.stderr.includes('es de solo lectura'),
        'detected: named as read-only',
        'missed: a generic error',
      );
      expect(listed.code).toBe(2);
      expect(expectOneLineError(listed)).toMatch(
        new RegExp(
          `^The data folder ${data} is read-only \\(SQLITE_[A-Z_]+\\), so SLA Workshop cannot keep its database there\\. Make it writable or choose another data folder; nothing was changed\\.$`,
        ),
      );
      expect(imported.code).toBe(2);
      expect(expectOneLineError(imported)).toMatch(new RegExp(`^La carpeta de datos ${data} es de solo lectura \\(SQLITE_[A-Z_]+\\)`));
    },
    SLOW,
  );
});
