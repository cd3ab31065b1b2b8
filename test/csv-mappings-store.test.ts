import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HUBSPOT_PRESET } from '../src/shared/actuals/presets';
import type { CsvMapping } from '../src/shared/actuals/mapping';
import { createCore, type Core } from '../src/main/core/core';
import { CSV_MAPPINGS_KEY } from '../src/main/core/csvMappings';
import { DATABASE_FILE } from '../src/main/core/dataDir';
import { removeDir, tempDir } from './support/tempDirs';

const SHEET: CsvMapping = {
  format: 'sla-workshop/csv-mapping',
  version: 1,
  name: 'Hoja de seguimiento',
  stages: [
    { stage: { key: 'lead' }, column: 'Fecha de alta' },
    { stage: { custom: 'Demo' }, column: 'Demo realizada' },
  ],
  amount: 'Importe',
  dateOrder: 'dmy',
};

/** Saved column mappings live with the installation's settings: they survive a restart and are checked on the way in and out. */
describe('saved CSV column mappings (csvMappings.*)', () => {
  const dirs: string[] = [];
  const cores: Core[] = [];
  const open = (dataDir: string) => {
    const core = createCore({ dataDir, appVersion: 'test', host: 'direct' });
    cores.push(core);
    return core;
  };
  afterEach(() => {
    for (const core of cores.splice(0)) core.close();
    for (const dir of dirs.splice(0)) removeDir(dir);
  });
  const fresh = () => {
    const dir = tempDir('sla-mappings-');
    dirs.push(dir);
    return dir;
  };
  const call = async (core: Core, op: 'csvMappings.list' | 'csvMappings.save' | 'csvMappings.delete', input: unknown) => {
    const reply = await core.dispatch(op, input);
    if (!reply.ok) throw new Error(`${op}: ${reply.error.kind} ${reply.error.message}`);
    return reply.value as { mappings: { id: string; savedAt: string; mapping: CsvMapping }[] };
  };

  it('saves a mapping with an id and time set by the core, lists it after a restart, replaces one of the same name, deletes it', async () => {
    const dir = fresh();
    const first = open(dir);
    expect((await call(first, 'csvMappings.list', {})).mappings).toEqual([]);
    const saved = await call(first, 'csvMappings.save', { mapping: SHEET });
    expect(saved.mappings).toHaveLength(1);
    expect(saved.mappings[0]!.mapping).toEqual(SHEET);
    expect(saved.mappings[0]!.id).toMatch(/^[0-9a-f-]{36}$/);
    first.close();
    cores.length = 0;

    const again = open(dir);
    const listed = await call(again, 'csvMappings.list', {});
    expect(listed.mappings.map((m) => m.mapping.name)).toEqual(['Hoja de seguimiento']);
    // Same name, other case and no accents: the same mapping, edited.
    const renamed = { ...SHEET, name: 'HOJA DE SEGUIMIENTO', amount: 'Importe total' };
    const replaced = await call(again, 'csvMappings.save', { mapping: renamed });
    expect(replaced.mappings).toHaveLength(1);
    expect(replaced.mappings[0]!.id).toBe(listed.mappings[0]!.id);
    expect(replaced.mappings[0]!.mapping.amount).toBe('Importe total');
    const two = await call(again, 'csvMappings.save', { mapping: { ...HUBSPOT_PRESET, name: 'Mi HubSpot' } });
    expect(two.mappings.map((m) => m.mapping.name)).toEqual(['Mi HubSpot', 'HOJA DE SEGUIMIENTO']);
    const left = await call(again, 'csvMappings.delete', { id: listed.mappings[0]!.id });
    expect(left.mappings.map((m) => m.mapping.name)).toEqual(['Mi HubSpot']);
  });

  it('refuses a mapping that does not validate, and an id the input tries to set', async () => {
    const core = open(fresh());
    const noStages = await core.dispatch('csvMappings.save', { mapping: { ...SHEET, stages: [] } });
    expect(noStages.ok ? null : noStages.error.kind).toBe('invalid_input');
    const withId = await core.dispatch('csvMappings.save', { mapping: SHEET, id: 'mine' });
    expect(withId.ok ? null : withId.error.kind).toBe('invalid_input');
    const unknown = await core.dispatch('csvMappings.delete', { id: 'nope' });
    expect(unknown.ok ? null : unknown.error.kind).toBe('not_found');
    expect((await call(core, 'csvMappings.list', {})).mappings).toEqual([]);
  });

  it('leaves out a stored entry that no longer validates instead of failing the list', async () => {
    const dir = fresh();
    const core = open(dir);
    await call(core, 'csvMappings.save', { mapping: SHEET });
    core.close();
    cores.length = 0;
    const db = new Database(join(dir, DATABASE_FILE));
    const row = db.prepare<[string], { value: string }>('SELECT value FROM installation_settings WHERE key = ?').get(CSV_MAPPINGS_KEY)!;
    const entries = JSON.parse(row.value) as unknown[];
    entries.push({ id: 'x', savedAt: 'yesterday', mapping: { name: 'broken' } });
    db.prepare('UPDATE installation_settings SET value = ? WHERE key = ?').run(JSON.stringify(entries), CSV_MAPPINGS_KEY);
    db.close();
    const reopened = open(dir);
    expect((await call(reopened, 'csvMappings.list', {})).mappings.map((m) => m.mapping.name)).toEqual(['Hoja de seguimiento']);
  });
});
