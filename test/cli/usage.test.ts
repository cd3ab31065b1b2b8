import { describe, expect, it } from 'vitest';
import { cli as cliEn } from '../../src/shared/i18n/locales/en/cli';
import { cli as cliEs } from '../../src/shared/i18n/locales/es/cli';
import { failureLine, prescanLanguage } from '../../src/main/cli/program';
import { createTranslator } from '../../src/shared/i18n';
import { AppError } from '../../src/shared/api/errors';
import { expectOneLineError, runCli } from './helpers';

function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

describe('cli messages', () => {
  it('en and es have exactly the same keys, none empty', () => {
    // Spanish has a plural form English lacks ('many': "1.000.000 de …"); every other key is shared.
    const esKeys = keys(cliEs);
    const spanishOnly = esKeys.filter((k) => k.endsWith('_many'));
    for (const k of spanishOnly) expect(esKeys).toContain(k.replace(/_many$/, '_other'));
    expect(esKeys.filter((k) => !spanishOnly.includes(k)).sort()).toEqual(keys(cliEn).sort());
    for (const tree of [cliEn, cliEs]) {
      for (const key of keys(tree)) expect(key.split('.').reduce<unknown>((n, k) => (n as Record<string, unknown>)[k], tree)).not.toBe('');
    }
    expect(keys(cliEn)).toEqual(expect.arrayContaining(['web.notBuilt', 'start.noElectron', 'start.nativeSkipped']));
    expect(cliEn.start.nativeSkipped).toContain('{{reason}}');
    expect(cliEs.start.nativeSkipped).toContain('{{reason}}');
  });

  it('finds the message language on the command line before parsing', () => {
    expect(prescanLanguage(['--lang', 'es', 'list'])).toBe('es');
    expect(prescanLanguage(['list', '--lang=en'])).toBe('en');
    expect(prescanLanguage(['example', '--lang', 'es', '-o', 'x'])).toBeUndefined();
    expect(prescanLanguage(['--lang', 'xx', 'list'])).toBeUndefined();
  });

  it('turns unexpected errors into one translated line with exit 2, never the raw message', () => {
    const boom = failureLine(createTranslator('es'), new TypeError('secret internals at /x/y.ts:1'));
    expect(boom).toEqual({ line: 'Un error inesperado detuvo la orden. No se perdió nada de lo ya guardado.', code: 2 });
    const app = failureLine(createTranslator('en'), new AppError('db_newer_version', 'x', { found: 9, supported: 2 }));
    expect(app.code).toBe(2);
    expect(app.line).toContain('database version 9');
  });
});

describe('sla-workshop usage', () => {
  it('--help works on the program and on every command, with exit 0', async () => {
    const commands = ['example', 'validate', 'list', 'import', 'export-slaw'];
    const results = await Promise.all([runCli(['--help']), runCli(['help', 'list']), ...commands.map((c) => runCli([c, '--help']))]);
    for (const r of results) {
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      expect(r.stdout).toContain('Usage: sla-workshop');
      expect(r.stdout).toContain('Exit codes:');
    }
    const [program] = results;
    for (const c of commands) expect(program?.stdout).toContain(c);
    expect(program?.stdout).toContain('SLA_WORKSHOP_DATA_DIR');
  });

  it('usage errors are one translated line with exit 2', async () => {
    const [none, unknownCommand, unknownOption, missingArg, missingOption, badLang, esUnknown, version] = await Promise.all([
      runCli([]),
      runCli(['frobnicate']),
      runCli(['list', '--trsh']),
      runCli(['validate']),
      runCli(['example', '--lang', 'es'], { lang: 'es_ES.UTF-8' }),
      runCli(['--lang', 'fr', 'list']),
      runCli(['--lang', 'es', 'frobnicate']),
      runCli(['--version']),
    ]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('Usage: sla-workshop');
    expect(unknownCommand.code).toBe(2);
    expect(expectOneLineError(unknownCommand)).toMatch(/^Unknown command frobnicate\. Run “sla-workshop --help”/);
    expect(unknownOption.code).toBe(2);
    expect(expectOneLineError(unknownOption)).toMatch(/^Unknown option --trsh\. Did you mean --trash\?/);
    expect(missingArg.code).toBe(2);
    expect(expectOneLineError(missingArg)).toMatch(/^Missing argument file\./);
    expect(missingOption.code).toBe(2);
    expect(expectOneLineError(missingOption)).toMatch(/^La opción -o, --output <file> es obligatoria\./);
    expect(badLang.code).toBe(2);
    expect(expectOneLineError(badLang)).toBe('Unknown language “fr”: use es or en.');
    expect(esUnknown.code).toBe(2);
    expect(expectOneLineError(esUnknown)).toMatch(/^Orden desconocida: frobnicate\./);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});
