import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBlank } from '../../src/shared/model/defaults';
import { LIMITS } from '../../src/shared/model/limits';
import { parseSlaw, serializeSlaw, SLAW_SCHEMA_VERSION } from '../../src/shared/slaw/format';
import { expectOneLineError, runCli } from './helpers';
import { useTempDirs } from '../support/tempDirs';

const newTempDir = useTempDirs();
let dir: string;
beforeAll(() => {
  dir = newTempDir('slaw-cli-');
});

describe('sla-workshop example + validate', () => {
  it('writes the Spanish and English examples, which validate as complete in their own language', async () => {
    const [es, en] = await Promise.all([
      runCli(['example', '--lang', 'es', '-o', 'ejemplo.slaw'], { cwd: dir, lang: 'en_US.UTF-8' }),
      runCli(['example', '--lang', 'en', '-o', join(dir, 'example.slaw')], { lang: 'es_ES.UTF-8' }),
    ]);
    expect(es).toMatchObject({ code: 0, stderr: '' });
    expect(es.stdout.trim().split('\n')).toHaveLength(1);
    expect(es.stdout).toContain(join(dir, 'ejemplo.slaw'));
    expect(es.stdout).toContain('Example agreement (Spanish) written to'); // messages follow LANG
    expect(en).toMatchObject({ code: 0, stderr: '' });
    expect(en.stdout).toContain('Acuerdo de ejemplo (Inglés) escrito en');
    expect(parseSlaw(readFileSync(join(dir, 'ejemplo.slaw'), 'utf8')).agreement.meta.language).toBe('es');
    expect(parseSlaw(readFileSync(join(dir, 'example.slaw'), 'utf8')).agreement.meta.language).toBe('en');

    const [vEs, vEn, vForced, again, forced] = await Promise.all([
      runCli(['validate', join(dir, 'ejemplo.slaw')], { lang: 'en_US.UTF-8' }),
      runCli(['validate', join(dir, 'example.slaw')], { lang: 'es_ES.UTF-8' }),
      runCli(['validate', '--lang', 'en', join(dir, 'ejemplo.slaw')], { lang: 'es_ES.UTF-8' }),
      runCli(['example', '--lang', 'es', '-o', 'ejemplo.slaw'], { cwd: dir, lang: 'es_ES.UTF-8' }),
      runCli(['example', '--lang', 'en', '-o', 'example.slaw', '--force'], { cwd: dir }),
    ]);
    // The report is in the file's language, whatever LANG says.
    expect(vEs).toMatchObject({ code: 0, stderr: '' });
    expect(vEs.stdout).toContain('✓ Participantes: completo');
    expect(vEs.stdout).toContain('✓ Protocolo de gestión de leads: completo');
    expect(vEs.stdout).toContain('Completo: los 8 pasos están rellenados.');
    expect(vEs.stdout).not.toContain('✗');
    expect(vEn).toMatchObject({ code: 0, stderr: '' });
    expect(vEn.stdout).toContain('✓ Participants: complete');
    expect(vEn.stdout).toContain('✓ Review cadence: complete');
    expect(vEn.stdout).toContain('Complete: all 8 steps are filled in.');
    expect(vEn.stdout.trim().split('\n')).toHaveLength(10); // header, 8 steps, summary
    // --lang overrides the report's language.
    expect(vForced.stdout).toContain('✓ Ideal customer & buyer personas: complete');
    // No overwrite without --force; with --force it is replaced.
    expect(again.code).toBe(2);
    expect(expectOneLineError(again)).toContain('ya existe; añade --force');
    expect(forced).toMatchObject({ code: 0, stderr: '' });
    const noFolder = await runCli(['example', '-o', join(dir, 'missing', 'x.slaw')]);
    expect(noFolder.code).toBe(2);
    expect(expectOneLineError(noFolder)).toBe(`Cannot write ${join(dir, 'missing', 'x.slaw')}: its folder does not exist.`);
  });

  it('exits 1 for a valid but incomplete agreement and lists the missing items', async () => {
    const blank = createBlank('en', { title: 'Blank' });
    writeFileSync(join(dir, 'blank-en.slaw'), serializeSlaw(blank, '0.0.0-test'));
    writeFileSync(join(dir, 'blank-es.slaw'), serializeSlaw(createBlank('es', { title: 'En blanco' }), '0.0.0-test'));
    const [en, es] = await Promise.all([runCli(['validate', join(dir, 'blank-en.slaw')]), runCli(['validate', join(dir, 'blank-es.slaw')])]);
    expect(en.code).toBe(1);
    expect(en.stderr).toBe('');
    expect(en.stdout).toMatch(/✗ Participants: 3 items missing/);
    expect(en.stdout).toContain('    - Add a marketing leader who signs the agreement.');
    expect(en.stdout).toMatch(/✗ Goals: \d+ items missing/);
    expect(en.stdout).toContain('Set the monthly target for “Lead”.');
    expect(en.stdout).toMatch(/Incomplete: \d of 8 steps complete, \d+ items missing\./);
    expect(es.code).toBe(1);
    expect(es.stdout).toMatch(/✗ Participantes: faltan 3 elementos/);
    expect(es.stdout).toContain('    - Agrega al menos un KPI.');
    expect(es.stdout).toMatch(/Incompleto: \d de 8 pasos completos/);
  });

  it('reports broken files in one translated line, exit 2, no stack trace', async () => {
    const example = JSON.parse(readFileSync(join(dir, 'example.slaw'), 'utf8')) as { schemaVersion: number; agreement: { meta: Record<string, unknown> } };
    const write = (name: string, content: string | Buffer) => {
      writeFileSync(join(dir, name), content);
      return join(dir, name);
    };
    const notJson = write('not-json.slaw', '{ "format": "sla-workshop", oops');
    const future = write('future.slaw', JSON.stringify({ ...example, schemaVersion: 99 }));
    const unknown = write(
      'unknown.slaw',
      JSON.stringify({ ...example, agreement: { ...example.agreement, meta: { ...example.agreement.meta, sneaky: true } } }),
    );
    const long = write(
      'long.slaw',
      JSON.stringify({ ...example, agreement: { ...example.agreement, meta: { ...example.agreement.meta, title: 'x'.repeat(LIMITS.shortText + 1) } } }),
    );
    const notUtf8 = write('latin1.slaw', Buffer.from([0x7b, 0xff, 0xfe, 0x7d]));
    const huge = write('huge.slaw', Buffer.alloc(LIMITS.slawBytes + 1, 0x20));
    const folder = join(dir, 'folder.slaw');
    mkdirSync(folder);

    const [rNotJson, rNotJsonEs, rFuture, rUnknown, rLong, rMissing, rMissingEs, rUtf8, rHuge, rFolder] = await Promise.all([
      runCli(['validate', notJson]),
      runCli(['validate', notJson], { lang: 'es_ES.UTF-8' }),
      runCli(['validate', future]),
      runCli(['validate', unknown]),
      runCli(['validate', long]),
      runCli(['validate', join(dir, 'does-not-exist.slaw')]),
      runCli(['validate', join(dir, 'does-not-exist.slaw')], { env: { LC_ALL: 'es_MX.UTF-8', LANG: 'en_US.UTF-8' } }),
      runCli(['validate', notUtf8]),
      runCli(['validate', huge]),
      runCli(['validate', folder]),
    ]);
    for (const r of [rNotJson, rNotJsonEs, rFuture, rUnknown, rLong, rMissing, rMissingEs, rUtf8, rHuge, rFolder]) {
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
    }
    expect(expectOneLineError(rNotJson)).toBe('The file is not valid JSON.');
    expect(expectOneLineError(rNotJsonEs)).toBe('El archivo no es JSON válido.');
    expect(expectOneLineError(rFuture)).toMatch(new RegExp(`newer version.*99.*${SLAW_SCHEMA_VERSION}`));
    expect(expectOneLineError(rUnknown)).toContain('agreement.meta: unknown field(s): sneaky');
    expect(expectOneLineError(rLong)).toContain(`agreement.meta.title: too long or too large (limit ${LIMITS.shortText})`);
    expect(expectOneLineError(rMissing)).toBe(`Cannot read ${join(dir, 'does-not-exist.slaw')}: it does not exist.`);
    expect(expectOneLineError(rMissingEs)).toBe(`No se puede leer ${join(dir, 'does-not-exist.slaw')}: no existe.`); // LC_ALL beats LANG
    expect(expectOneLineError(rUtf8)).toContain('is not UTF-8 text');
    expect(expectOneLineError(rHuge)).toBe(`The file is too large (limit ${LIMITS.slawBytes} bytes).`);
    expect(expectOneLineError(rFolder)).toContain('it is a folder');
  });
});
