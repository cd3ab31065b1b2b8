import Database from 'better-sqlite3';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { recordFigures } from '../../../test/support/figures';
import { useTempDirs } from '../../../test/support/tempDirs';
import { BACKUPS_DIR, BACKUPS_KEEP_ENV, listBackups, verifyBackup } from '../db/backups';
import { createCore, type Core } from './core';
import { DATABASE_FILE } from './dataDir';

const tempDir = useTempDirs();
const cores: Core[] = [];
afterEach(() => {
  for (const core of cores.splice(0)) core.close();
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

/** A clock that moves one hour per call, from `start`: every backup gets its own time, days pass. */
function clock(start = '2026-11-02T08:00:00.000Z', stepMs = 60 * 60 * 1000) {
  let t = Date.parse(start);
  return () => new Date((t += stepMs));
}

function open(dataDir: string, now = clock(), extra: Partial<Parameters<typeof createCore>[0]> = {}): Core {
  const core = createCore({ dataDir, appVersion: 'test', host: 'direct', now, ...extra });
  cores.push(core);
  return core;
}

function closeLast(): void {
  cores.pop()?.close();
}

/** Garbles an agreement's stored JSON the way a bad sector or a stray write would: the pages stay sound. */
function garble(dataDir: string, id: string): void {
  const db = new Database(join(dataDir, DATABASE_FILE));
  db.prepare("UPDATE agreements SET data = CAST(substr(CAST(data AS BLOB), 1, 40) || X'FF00FF' || substr(CAST(data AS BLOB), 44) AS TEXT) WHERE id = ?").run(
    id,
  );
  db.close();
}

const backupsOf = (dataDir: string) => listBackups(join(dataDir, BACKUPS_DIR));

/** For `npm run reliability` (area `backup-generations`), from what the tests below observe. */
const figures: Record<string, string | number> = {};
afterAll(() => recordFigures('backup-generations', figures));

describe('backing up only what changed', () => {
  it('ten starts that only read take one backup; a start after a change takes one more', () => {
    const dataDir = tempDir('sla-changed-');
    const now = clock();
    open(dataDir, now).agreements.create('example', 'en');
    closeLast();
    let unchanged = 0;
    for (let run = 0; run < 10; run++) {
      const before = backupsOf(dataDir).length;
      const core = open(dataDir, now);
      core.agreements.list({});
      closeLast();
      if (backupsOf(dataDir).length === before + (run === 0 ? 1 : 0)) unchanged++;
    }
    figures.read_only_starts_without_a_new_backup = `${unchanged - 1}/9`;
    // The first start backed up the empty database, the second one the example: nothing since.
    expect(backupsOf(dataDir)).toHaveLength(2);
    const core = open(dataDir, now);
    core.agreements.trash(core.agreements.list({})[0]!.id); // a trash moves no revision, yet it is a change
    closeLast();
    open(dataDir, now);
    figures.trash_without_revision_change = backupsOf(dataDir).length === 3 ? 'detected: backed up' : 'missed: not backed up';
    expect(backupsOf(dataDir)).toHaveLength(3);
  });

  it('takeNow and the timer add a backup only after a change, and the timer never keeps the process alive', async () => {
    const dataDir = tempDir('sla-changed-timer-');
    const setIntervalSpy = vi.spyOn(globalThis, 'setInterval');
    const core = open(dataDir, clock(), { backups: { intervalMs: 20 } });
    const timer = setIntervalSpy.mock.results.find((_, i) => setIntervalSpy.mock.calls[i]?.[1] === 20)?.value as NodeJS.Timeout;
    expect(timer.hasRef()).toBe(false);
    expect(core.backups.takeNow()).toBeNull();
    expect(core.backups.lastError()).toBeNull();
    await new Promise((r) => setTimeout(r, 100));
    expect(backupsOf(dataDir)).toHaveLength(1);
    core.agreements.create('blank', 'en', 'Made while the app runs');
    await vi.waitFor(() => expect(backupsOf(dataDir)).toHaveLength(2), { timeout: 5000, interval: 10 });
    expect(core.backups.takeNow()).toBeNull();
  });

  it('keeps a manifest beside each backup so the next start need not parse it again, and checks an old backup that has none', () => {
    const dataDir = tempDir('sla-manifest-');
    const now = clock();
    const core = open(dataDir, now);
    const id = core.agreements.create('example', 'es').agreement.meta.id;
    expect(core.backups.takeNow()).not.toBeNull();
    closeLast();
    const [newest] = backupsOf(dataDir);
    const manifest = JSON.parse(readFileSync(`${newest!.path}.json`, 'utf8')) as { ok: boolean; agreements: { id: string; readable: boolean }[] };
    expect(manifest).toMatchObject({ ok: true, agreements: [{ id, readable: true }] });
    rmSync(`${newest!.path}.json`);
    open(dataDir, now);
    expect(backupsOf(dataDir)).toHaveLength(2);
    expect(existsSync(`${newest!.path}.json`)).toBe(true);
  });
});

describe('never rotating away the last good copy', () => {
  it('after a silent row corruption and more changes than backups are kept, a readable copy is still there and named at start-up', async () => {
    const dataDir = tempDir('sla-last-good-');
    vi.stubEnv(BACKUPS_KEEP_ENV, '3');
    const now = clock();
    const core = open(dataDir, now);
    const damaged = core.agreements.create('example', 'en', 'Will be damaged').agreement.meta.id;
    const good = core.backups.takeNow();
    expect(good).not.toBeNull();
    closeLast();
    garble(dataDir, damaged);
    // Twelve working sessions, each a change: four times more than the three backups kept.
    for (let run = 0; run < 12; run++) {
      open(dataDir, now).agreements.create('blank', 'en', `Session ${run}`);
      closeLast();
    }
    const names = backupsOf(dataDir).map((b) => b.name);
    figures.last_good_copy_kept_after_12_sessions_keep_3 = `${names.includes(good!.name) ? 1 : 0}/1`;
    expect(names).toContain(good!.name);
    const last = open(dataDir, now);
    const report = await last.dispatch('app.startupReport', {});
    expect(report).toMatchObject({
      ok: true,
      value: { unreadable: [{ id: damaged, title: 'Will be damaged', problem: 'not_utf8', backup: { name: good!.name, takenAt: good!.takenAt } }] },
    });
    // The copy it points to really reads.
    const copy = new Database(good!.path, { readonly: true });
    const row = copy.prepare('SELECT data FROM agreements WHERE id = ?').get(damaged) as { data: string };
    copy.close();
    expect(JSON.parse(row.data)).toMatchObject({ meta: { id: damaged } });
  });

  it('still keeps the generations: 10 changes, then one per day and per week', () => {
    const dataDir = tempDir('sla-generations-');
    const now = clock('2026-11-01T08:00:00.000Z', 10 * 60 * 60 * 1000); // 10 h per tick: days go by
    for (let run = 0; run < 36; run++) {
      open(dataDir, now).agreements.create('blank', 'en', `Run ${run}`);
      closeLast();
    }
    const kept = backupsOf(dataDir);
    figures.sessions_over_15_days = 36;
    figures.backups_kept_of_36 = kept.length;
    figures.days_with_a_backup_kept = new Set(kept.map((b) => b.takenAt.slice(0, 10))).size;
    // 10 newest + the newest of 7 days (overlapping) + of 4 weeks: more than 10, far fewer than 36.
    expect(kept.length).toBeGreaterThan(10);
    expect(kept.length).toBeLessThan(20);
    expect(new Set(kept.map((b) => b.takenAt.slice(0, 10))).size).toBeGreaterThanOrEqual(7);
    for (const backup of kept.slice(0, 3)) expect(verifyBackup(backup.path).ok).toBe(true);
  });
});

describe('reporting', () => {
  it('a backup that fails is reported in the start-up report, and the app keeps working', async () => {
    const dataDir = tempDir('sla-backup-fails-');
    open(dataDir).agreements.create('blank', 'en');
    closeLast();
    rmSync(join(dataDir, BACKUPS_DIR), { recursive: true, force: true });
    writeFileSync(join(dataDir, BACKUPS_DIR), 'a file where the folder should be');
    const core = open(dataDir);
    const report = await core.dispatch('app.startupReport', {});
    expect(report).toMatchObject({
      ok: true,
      value: { backups: { count: 0, newest: null, failed: { reason: expect.stringMatching(/^E[A-Z]+$/) } }, unreadable: [] },
    });
    expect((await core.dispatch('agreements.create', { source: 'blank', language: 'en' })).ok).toBe(true);
  });

  it('an unreadable agreement with no readable copy anywhere is reported without a backup', async () => {
    const dataDir = tempDir('sla-no-copy-');
    const core = open(dataDir);
    const id = core.agreements.create('blank', 'es', 'Sin copia').agreement.meta.id;
    closeLast();
    garble(dataDir, id);
    const report = await open(dataDir).dispatch('app.startupReport', {});
    expect(report).toMatchObject({ ok: true, value: { unreadable: [{ id, title: 'Sin copia', backup: null }] } });
  });
});
