import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../src/main/core/core';
import { DATABASE_FILE } from '../../src/main/core/dataDir';
import { createDirectTransport } from '../../src/main/core/directTransport';
import { BACKUPS_DIR, listBackups } from '../../src/main/db/backups';
import { LATEST_DB_VERSION } from '../../src/main/db/migrations';
import { DAMAGED_DIR } from '../../src/main/db/recovery';
import { createApiClient } from '../../src/shared/api/client';
import type { RecoveryReason } from '../../src/shared/api/contract';
import { AppError } from '../../src/shared/api/errors';
import { expectOneLineError, runCli } from '../cli/helpers';
import { recordFigures } from '../support/figures';
import { useTempDirs } from '../support/tempDirs';

/**
 * Real database files, damaged the ways disks and careless tools damage them, opened through createCore
 * exactly as every host opens them. Each kind runs twice: with a backup (the agreements it holds must come
 * back, the damaged file must be kept byte for byte in damaged/, app.startupReport must say so) and with
 * no backup at all (a fresh, empty database; the damaged file still kept).
 */

const tempDir = useTempDirs();
const AGREEMENTS = 120;
const PAGE = 4096;

/** A deterministic byte pattern (no Math.random: a failure must replay). */
function pattern(length: number, seed: number): Buffer {
  const bytes = Buffer.alloc(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    bytes[i] = x & 0xff;
  }
  return bytes;
}

/** Pages of one b-tree of a (cleanly closed) database, from SQLite's dbstat table. */
function pagesOf(file: string, name: string, type: 'leaf' | 'internal'): number[] {
  const copy = `${file}.dbstat-copy`;
  copyFileSync(file, copy);
  const db = new Database(copy, { readonly: true });
  try {
    return (db.prepare('SELECT pageno FROM dbstat WHERE name = ? AND pagetype = ? ORDER BY pageno').all(name, type) as { pageno: number }[]).map(
      (r) => r.pageno,
    );
  } finally {
    db.close();
    rmSync(copy, { force: true });
  }
}

function overwrite(file: string, offset: number, bytes: Buffer): void {
  const content = readFileSync(file);
  bytes.copy(content, offset);
  writeFileSync(file, content);
}

/** What integrity_check says about a copy of the file (the file itself stays untouched). */
function integrityOfCopy(file: string): string {
  const copy = `${file}.check-copy`;
  copyFileSync(file, copy);
  try {
    const db = new Database(copy, { readonly: true });
    try {
      return String(db.pragma('integrity_check', { simple: true }));
    } finally {
      db.close();
    }
  } catch (error) {
    return error instanceof Error && 'code' in error ? String(error.code) : 'error';
  } finally {
    rmSync(copy, { force: true });
  }
}

interface Kind {
  name: string;
  /** What the file has become, in words (for the test name). */
  what: string;
  expected: RecoveryReason[];
  damage(file: string): void;
  /** Structural damage that `PRAGMA integrity_check` itself must report (checked on a copy first). */
  integrityMustFail?: boolean;
}

const KINDS: Kind[] = [
  { name: 'truncated_half', what: 'cut to half its length', expected: ['truncated'], damage: (f) => truncateSync(f, Math.floor(statSync(f).size / 2)) },
  { name: 'truncated_100_bytes', what: 'cut to its first 100 bytes', expected: ['truncated'], damage: (f) => truncateSync(f, 100) },
  { name: 'header_overwritten', what: 'its first 16 bytes overwritten', expected: ['bad_header'], damage: (f) => overwrite(f, 0, pattern(16, 16)) },
  {
    name: 'table_page_garbled',
    what: 'the b-tree header of a data page in the middle of the agreements table overwritten',
    expected: ['integrity_check'],
    integrityMustFail: true,
    damage: (f) => {
      const leaves = pagesOf(f, 'agreements', 'leaf');
      const page = leaves[Math.floor(leaves.length / 2)]!;
      overwrite(f, (page - 1) * PAGE, pattern(64, page));
    },
  },
  {
    name: 'index_page_garbled',
    what: 'bytes in the middle of an index page overwritten',
    expected: ['integrity_check'],
    integrityMustFail: true,
    damage: (f) => {
      const leaves = pagesOf(f, 'sqlite_autoindex_agreements_1', 'leaf');
      const page = leaves[Math.floor(leaves.length / 2)]!;
      overwrite(f, (page - 1) * PAGE + PAGE / 2 - 64, pattern(128, page));
    },
  },
  {
    name: 'schema_page_garbled',
    what: 'the schema page overwritten after the file header',
    expected: ['unreadable'],
    damage: (f) => overwrite(f, 100, pattern(200, 100)),
  },
  {
    name: 'random_bytes',
    what: 'replaced by random bytes of the same length',
    expected: ['bad_header'],
    damage: (f) => writeFileSync(f, pattern(statSync(f).size, 7)),
  },
];

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** The seed data folder: many agreements, a backup of them, then one more agreement the backup lacks. */
let seedDir: string;
let backupPath: string;
let backupTakenAt: string;
let backupIds: string[];
let afterBackupId: string;

beforeAll(() => {
  seedDir = tempDir('sla-corruption-seed-');
  const core = createCore({ dataDir: seedDir, appVersion: 'test', host: 'direct' });
  for (let i = 0; i < AGREEMENTS; i++) {
    const created = core.agreements.create(i % 3 === 0 ? 'example' : 'blank', i % 2 ? 'es' : 'en', `Agreement ${i}`);
    if (i % 10 === 0) core.agreements.trash(created.agreement.meta.id);
  }
  const backup = core.backups.takeNow();
  if (!backup) throw new Error(`seed backup failed: ${core.backups.lastError()}`);
  backupPath = backup.path;
  backupTakenAt = backup.takenAt;
  afterBackupId = core.agreements.create('blank', 'en', 'Saved after the backup').agreement.meta.id;
  core.close();
  const copy = new Database(backupPath, { readonly: true });
  backupIds = (copy.prepare('SELECT id FROM agreements ORDER BY id').all() as { id: string }[]).map((r) => r.id);
  copy.close();
});

const counts = { withBackup: 0, recovered: 0, withoutBackup: 0, freshStarts: 0, cases: 0, damagedKept: 0, lostBeyondBackup: 0, afterBackupNotRestored: 0 };
const reasons = new Map<string, string>();
afterAll(() => {
  recordFigures('corruption', {
    kinds_tested: KINDS.length + 1,
    kinds: [...KINDS.map((k) => k.name), 'emptied'].join(', '),
    recovered: `${counts.recovered}/${counts.withBackup}`,
    fresh_starts_without_backup: `${counts.freshStarts}/${counts.withoutBackup}`,
    damaged_files_kept: `${counts.damagedKept}/${counts.cases}`,
    data_lost_beyond_backup: counts.lostBeyondBackup,
    saves_after_backup_not_restored: counts.afterBackupNotRestored,
    agreements_per_database: AGREEMENTS + 1,
    detected_as: [...reasons].map(([kind, reason]) => `${kind}=${reason}`).join(', '),
  });
});

/** A copy of the seed folder with its database damaged; returns the folder and the damaged bytes' hash. */
function damagedCopy(kind: Kind, withBackup: boolean): { dataDir: string; damagedHash: string } {
  const dataDir = tempDir(`sla-corruption-${kind.name}-`);
  cpSync(seedDir, dataDir, { recursive: true });
  if (!withBackup) rmSync(join(dataDir, BACKUPS_DIR), { recursive: true, force: true });
  const file = join(dataDir, DATABASE_FILE);
  kind.damage(file);
  if (kind.integrityMustFail) expect(integrityOfCopy(file)).not.toBe('ok');
  return { dataDir, damagedHash: sha256(file) };
}

function liveAndTrashedIds(core: ReturnType<typeof createCore>): string[] {
  return [...core.agreements.list({}), ...core.agreements.list({ trash: true })].map((s) => s.id).sort();
}

describe.each(KINDS)('a database $what ($name)', (kind) => {
  it('is moved aside, kept byte for byte, and the newest backup restored and reported', async () => {
    counts.cases++;
    counts.withBackup++;
    const { dataDir, damagedHash } = damagedCopy(kind, true);
    const core = createCore({ dataDir, appVersion: 'test', host: 'direct' });
    try {
      const recovery = core.recovery;
      expect(recovery).not.toBeNull();
      if (!recovery) return;
      reasons.set(kind.name, recovery.reason);
      expect(kind.expected).toContain(recovery.reason);
      expect(dirname(recovery.damagedPath)).toBe(join(dataDir, DAMAGED_DIR));
      expect(sha256(recovery.damagedPath)).toBe(damagedHash);
      counts.damagedKept++;
      const restoredBackup = join(dataDir, BACKUPS_DIR, backupPath.split(/[\\/]/).pop()!);
      expect(recovery).toMatchObject({ restoredFrom: restoredBackup, backupTakenAt });

      const ids = liveAndTrashedIds(core);
      const missing = backupIds.filter((id) => !ids.includes(id));
      counts.lostBeyondBackup += missing.length;
      expect(missing).toEqual([]);
      expect(ids).toEqual(backupIds);
      if (!ids.includes(afterBackupId)) counts.afterBackupNotRestored++;
      const sample = core.agreements.list({})[0]!;
      expect(core.agreements.get(sample.id).agreement.meta.title).toBe(sample.title);
      expect(core.db.pragma('integrity_check', { simple: true })).toBe('ok');

      const client = createApiClient(createDirectTransport(core.dispatch));
      const report = await client.call('app.startupReport', {});
      expect(report.recovery).toEqual({ damagedPath: recovery.damagedPath, restoredFrom: restoredBackup, backupTakenAt, reason: recovery.reason });
      // The restored database is exactly the backup it came from: nothing changed, so no third backup.
      expect(report.backups.count).toBe(2);
      expect(report.unreadable).toEqual([]);
      counts.recovered++;
    } finally {
      core.close();
    }
    const again = createCore({ dataDir, appVersion: 'test', host: 'direct' });
    expect(again.recovery).toBeNull();
    expect(liveAndTrashedIds(again)).toEqual(backupIds);
    again.close();
  });

  it('without any backup: a fresh, empty database, the damaged file still kept', async () => {
    counts.cases++;
    counts.withoutBackup++;
    const { dataDir, damagedHash } = damagedCopy(kind, false);
    const core = createCore({ dataDir, appVersion: 'test', host: 'direct' });
    try {
      expect(core.recovery).toMatchObject({ recovered: true, restoredFrom: null, backupTakenAt: null });
      expect(kind.expected).toContain(core.recovery?.reason);
      expect(sha256(core.recovery!.damagedPath)).toBe(damagedHash);
      counts.damagedKept++;
      expect(liveAndTrashedIds(core)).toEqual([]);
      const report = await createApiClient(createDirectTransport(core.dispatch)).call('app.startupReport', {});
      expect(report).toEqual({
        recovery: { damagedPath: core.recovery!.damagedPath, restoredFrom: null, backupTakenAt: null, reason: core.recovery!.reason },
        backups: { count: 1, newest: expect.any(String), failed: null },
        unreadable: [],
      });
      core.agreements.create('blank', 'en', 'Life goes on');
      expect(core.agreements.list({})).toHaveLength(1);
      counts.freshStarts++;
    } finally {
      core.close();
    }
  });
});

describe('a database emptied to 0 bytes', () => {
  it('counts as cut once backups of it exist, and the backup is restored', () => {
    counts.cases++;
    counts.withBackup++;
    const dataDir = tempDir('sla-corruption-emptied-');
    cpSync(seedDir, dataDir, { recursive: true });
    writeFileSync(join(dataDir, DATABASE_FILE), '');
    const core = createCore({ dataDir, appVersion: 'test', host: 'direct' });
    try {
      expect(core.recovery).toMatchObject({ reason: 'truncated', backupTakenAt });
      reasons.set('emptied', core.recovery!.reason);
      expect(statSync(core.recovery!.damagedPath).size).toBe(0);
      counts.damagedKept++;
      const ids = liveAndTrashedIds(core);
      expect(ids).toEqual(backupIds);
      if (!ids.includes(afterBackupId)) counts.afterBackupNotRestored++;
      counts.recovered++;
    } finally {
      core.close();
    }
  });
});

describe('a database from a newer version', () => {
  it('is not damage: refused with db_newer_version, nothing moved, nothing restored', () => {
    const dataDir = tempDir('sla-corruption-newer-');
    cpSync(seedDir, dataDir, { recursive: true });
    const file = join(dataDir, DATABASE_FILE);
    const newer = new Database(file);
    newer.pragma(`user_version = ${LATEST_DB_VERSION + 3}`);
    newer.close();
    const before = sha256(file);
    const backupsBefore = listBackups(join(dataDir, BACKUPS_DIR)).map((b) => b.name);
    let caught: unknown;
    try {
      createCore({ dataDir, appVersion: 'test', host: 'direct' }).close();
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).kind).toBe('db_newer_version');
    expect(sha256(file)).toBe(before);
    expect(existsSync(join(dataDir, DAMAGED_DIR))).toBe(false);
    expect(listBackups(join(dataDir, BACKUPS_DIR)).map((b) => b.name)).toEqual(backupsBefore);
  });
});

describe('telling the user on the command line and in browser mode', () => {
  it('the CLI prints one translated line on stderr, once, and then does its job', async () => {
    const en = damagedCopy(KINDS[2]!, true).dataDir;
    const es = damagedCopy(KINDS[0]!, true).dataDir;
    const [first, spanish] = await Promise.all([
      runCli(['list', '--json', '--data-dir', en]),
      runCli(['list', '--json', '--data-dir', es], { lang: 'es_ES.UTF-8' }),
    ]);
    expect(first.code).toBe(0);
    const damaged = readdirSync(join(en, DAMAGED_DIR))[0];
    const when = `${backupTakenAt.slice(0, 16).replace('T', ' ')} UTC`;
    expect(expectOneLineError(first)).toBe(
      `SLA Workshop: the database was damaged (header overwritten). It was moved to ${join(en, DAMAGED_DIR, damaged!)} and the backup of ${when} was restored; changes after that backup are missing.`,
    );
    expect((JSON.parse(first.stdout) as unknown[]).length).toBe(backupIds.length - AGREEMENTS / 10);
    expect(spanish.code).toBe(0);
    expect(expectOneLineError(spanish)).toMatch(
      /^SLA Workshop: la base de datos estaba dañada \(archivo cortado\)\. Se ha movido a .+ y se ha restaurado la copia del \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC; faltan los cambios posteriores a esa copia\.$/,
    );
    const second = await runCli(['list', '--json', '--data-dir', en]);
    expect(second).toMatchObject({ code: 0, stderr: '' });
  });

  it.skipIf(!existsSync(join(process.cwd(), 'out', 'renderer', 'index.html')))(
    'browser mode prints the line on stderr and the page can ask app.startupReport',
    async () => {
      const dataDir = damagedCopy(KINDS[3]!, true).dataDir;
      const env: NodeJS.ProcessEnv = { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/main/http/web-entry.ts', '--port', '0', '--data-dir', dataDir, '--no-open'], {
        cwd: process.cwd(),
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      try {
        const url = await new Promise<string>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`browser mode did not start: ${stderr}`)), 30_000);
          child.stdout?.on('data', (chunk: Buffer) => {
            stdout += chunk.toString();
            const match = /running at (\S+)/.exec(stdout);
            if (match?.[1]) {
              clearTimeout(timer);
              resolve(match[1]);
            }
          });
          child.once('exit', (code) => reject(new Error(`browser mode exited with ${code}: ${stderr}`)));
        });
        const lines = stderr.split('\n').filter(Boolean);
        expect(lines).toHaveLength(1);
        expect(lines[0]).toMatch(
          /^SLA Workshop: the database was damaged \(damaged pages\)\. It was moved to .+damaged.+ and the backup of .+ UTC was restored; changes after that backup are missing\.$/,
        );
        const { origin, searchParams } = new URL(url);
        const reply = await fetch(`${origin}/api/app.startupReport`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-SLA-Token': searchParams.get('token') ?? '' },
          body: '{}',
        });
        const body = (await reply.json()) as { ok: boolean; value: { recovery: { reason: string; backupTakenAt: string } } };
        expect(body).toMatchObject({ ok: true, value: { recovery: { reason: 'integrity_check', backupTakenAt } } });
      } finally {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
    },
    60_000,
  );
});
