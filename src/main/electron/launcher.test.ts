import { spawnSync } from 'node:child_process';
import { describe, expect, it, vi } from 'vitest';
import { launcherMessage } from './launcher/message';
import { osLocale } from './launcher/osLocale';

vi.mock('electron', () => ({}));

describe('the start scripts’ language', () => {
  it('comes from the POSIX locale variables in order, then the runtime', () => {
    expect(osLocale({ LC_ALL: 'es_ES.UTF-8', LANG: 'en_US.UTF-8' }, () => 'en')).toBe('es_ES.UTF-8');
    expect(osLocale({ LANG: 'es_MX.UTF-8' }, () => 'en')).toBe('es_MX.UTF-8');
    expect(osLocale({ LANG: 'C.UTF-8', LANGUAGE: 'es:en' }, () => 'en')).toBe('es');
    expect(osLocale({}, () => 'es-AR')).toBe('es-AR');
  });
});

describe('a start-script message', () => {
  it('is one translated line with its parameters', () => {
    const en = launcherMessage('cli.start.nativeSkipped', ['reason=offline'], 'en');
    const es = launcherMessage('cli.start.nativeSkipped', ['reason=offline'], 'es_ES.UTF-8');
    expect(en).toContain('offline');
    expect(es).toContain('offline');
    expect(es).not.toBe(en);
    expect(launcherMessage('cli.start.noElectron', ['reason=a\nb'], 'en')).not.toMatch(/\n/);
  });

  it('is only one of the start-script keys', () => {
    expect(launcherMessage('errors.internal', [], 'en')).toBeNull();
  });

  it('is printed as exactly one line on stderr and nothing on stdout', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/main/electron/launcher/print.ts', 'cli.start.noElectron'], {
      encoding: 'utf8',
      env: { ...process.env, LC_ALL: 'es_ES.UTF-8' },
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('Electron');
    expect(result.stderr).toBe(`${launcherMessage('cli.start.noElectron', [], 'es')}\n`);
  });
});
