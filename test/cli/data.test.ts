import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../src/main/core/core';
import { DATABASE_FILE } from '../../src/main/core/dataDir';
import { createExample } from '../../src/shared/model/example';
import { parseSlaw, serializeSlaw } from '../../src/shared/slaw/format';
import { expectOneLineError, runCli } from './helpers';
import { useTempDirs } from '../support/tempDirs';

const newTempDir = useTempDirs();
let dir: string;
beforeAll(() => {
  dir = newTempDir('slaw-cli-');
});

interface Summary {
  id: string;
  title: string;
  language: string;
  stepsComplete: number;
  stepsTotal: number;
  deletedAt: string | null;
}

describe('sla-workshop import / list / export-slaw', () => {
  it('imports a file, lists it, and exports its content back unchanged', async () => {
    const data = join(dir, 'data');
    const source = join(dir, 'source.slaw');
    const example = createExample('es');
    example.meta.title = 'Acuerdo de prueba';
    writeFileSync(source, serializeSlaw(example, '0.0.0-test'));

    const empty = await runCli(['list', '--data-dir', data]);
    expect(empty).toMatchObject({ code: 0, stderr: '' });
    expect(empty.stdout.trim()).toBe(`No agreements in ${data}.`);
    expect(existsSync(data)).toBe(false); // listing never creates the data folder

    const imported = await runCli(['import', source, '--data-dir', data], { lang: 'es_ES.UTF-8' });
    expect(imported).toMatchObject({ code: 0, stderr: '' });
    expect(imported.stdout.trim()).toBe(`Importado «Acuerdo de prueba» con el id ${example.meta.id}.`);

    const [table, json, viaEnv, trash] = await Promise.all([
      runCli(['list', '--data-dir', data]),
      runCli(['list', '--data-dir', data, '--json']),
      runCli(['list', '--lang', 'es'], { env: { SLA_WORKSHOP_DATA_DIR: data } }),
      runCli(['list', '--data-dir', data, '--trash']),
    ]);
    expect(table).toMatchObject({ code: 0, stderr: '' });
    const [header, rule, row, ...rest] = table.stdout.trimEnd().split('\n');
    expect(rest).toEqual([]);
    expect(header).toMatch(/^ID\s+Title\s+Company\s+Language\s+Status\s+Steps\s+Last edited$/);
    expect(rule).toMatch(/^-+( +-+){6}$/);
    expect(row).toContain(example.meta.id);
    expect(row).toContain('Acuerdo de prueba');
    expect(row).toContain('Nortia Analytics');
    expect(row).toMatch(/\bes\s+Draft\s+8\/8\s+\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    const summaries = JSON.parse(json.stdout) as Summary[];
    expect(summaries).toHaveLength(1);
    expect(summaries[0]).toMatchObject({ id: example.meta.id, title: 'Acuerdo de prueba', language: 'es', stepsComplete: 8, stepsTotal: 8, deletedAt: null });
    expect(viaEnv.stdout).toMatch(/^ID\s+Título\s+Empresa/);
    expect(viaEnv.stdout).toContain('Borrador');
    expect(trash.stdout.trim()).toBe(`The trash in ${data} is empty.`);

    const out = join(dir, 'exported.slaw');
    const exported = await runCli(['export-slaw', example.meta.id, '-o', out, '--data-dir', data]);
    expect(exported).toMatchObject({ code: 0, stderr: '' });
    expect(exported.stdout.trim()).toBe(`Agreement “Acuerdo de prueba” exported to ${out}.`);
    // The content comes back as it was; an imported draft's dates are the import's (docs/FORMAT.md, fields the core owns).
    const back = parseSlaw(readFileSync(out, 'utf8')).agreement;
    const { createdAt, updatedAt } = back.meta;
    expect(new Date(createdAt).getTime()).toBeGreaterThan(new Date(example.meta.createdAt).getTime());
    expect(back).toEqual({ ...parseSlaw(readFileSync(source, 'utf8')).agreement, meta: { ...example.meta, createdAt, updatedAt } });

    const [validated, again, notFound] = await Promise.all([
      runCli(['validate', out]),
      runCli(['export-slaw', example.meta.id, '-o', out, '--data-dir', data]),
      runCli(['export-slaw', 'no-such-id', '-o', join(dir, 'none.slaw'), '--data-dir', data], { lang: 'es_ES.UTF-8' }),
    ]);
    expect(validated.code).toBe(0);
    expect(validated.stdout).toContain('✓ Participantes: completo');
    expect(again.code).toBe(2);
    expect(expectOneLineError(again)).toBe(`${out} already exists; add --force to overwrite it.`);
    expect(notFound.code).toBe(2);
    expect(expectOneLineError(notFound)).toBe(`No hay ningún acuerdo con el id no-such-id en ${data}.`);
    expect(existsSync(join(dir, 'none.slaw'))).toBe(false);

    // A trashed agreement moves to `list --trash`.
    const core = createCore({ dataDir: data, appVersion: '0.0.0-test', host: 'direct' });
    try {
      expect((await core.dispatch('agreements.trash', { id: example.meta.id })).ok).toBe(true);
    } finally {
      core.close();
    }
    const [live, trashed] = await Promise.all([runCli(['list', '--data-dir', data, '--json']), runCli(['list', '--data-dir', data, '--trash'])]);
    expect(JSON.parse(live.stdout)).toEqual([]);
    expect(trashed.stdout).toContain(example.meta.id);
  });

  it('a bad file is refused with one line and nothing is written', async () => {
    const data = join(dir, 'data-bad');
    const bad = join(dir, 'bad.slaw');
    writeFileSync(bad, JSON.stringify({ format: 'sla-workshop', schemaVersion: 2, agreement: { nope: 1 } }));
    const notJson = join(dir, 'not-json.slaw');
    writeFileSync(notJson, 'hello');
    const [r1, r2, r3] = await Promise.all([
      runCli(['import', bad, '--data-dir', data]),
      runCli(['import', notJson, '--data-dir', data], { lang: 'es_ES.UTF-8' }),
      runCli(['import', join(dir, 'missing.slaw'), '--data-dir', data]),
    ]);
    expect(r1.code).toBe(2);
    expect(expectOneLineError(r1)).toContain('The file does not match the agreement format.');
    expect(r2.code).toBe(2);
    expect(expectOneLineError(r2)).toBe('El archivo no es JSON válido.');
    expect(r3.code).toBe(2);
    expect(expectOneLineError(r3)).toContain('it does not exist');
    expect(existsSync(data)).toBe(false);

    // Also with an existing database: the list stays empty.
    mkdirSync(data);
    const core = createCore({ dataDir: data, appVersion: '0.0.0-test', host: 'direct' });
    core.close();
    const again = await runCli(['import', bad, '--data-dir', data]);
    expect(again.code).toBe(2);
    const list = await runCli(['list', '--data-dir', data, '--json']);
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout)).toEqual([]);
  });

  it('refuses a database written by a newer version, naming it, without touching it', async () => {
    const data = join(dir, 'data-newer');
    mkdirSync(data);
    const db = new Database(join(data, DATABASE_FILE));
    db.pragma('user_version = 99');
    db.close();
    const [list, imported] = await Promise.all([
      runCli(['list', '--data-dir', data]),
      runCli(['import', join(dir, 'source.slaw'), '--data-dir', data], { lang: 'es_ES.UTF-8' }),
    ]);
    expect(list.code).toBe(2);
    expect(expectOneLineError(list)).toMatch(/newer version of SLA Workshop \(database version 99;/);
    expect(imported.code).toBe(2);
    expect(expectOneLineError(imported)).toContain('versión 99');
    const check = new Database(join(data, DATABASE_FILE), { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(99);
    check.close();
  });
});
