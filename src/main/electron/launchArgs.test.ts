import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { localeArgument, normalizeLocale, pickSystemLocale } from './launchArgs';
import { electronNativeBinding } from './nativeBinding';

vi.mock('electron', () => ({}));

describe('the locale handed to the renderer', () => {
  it('is the first well-formed preferred language, else Electron’s locale, else English', () => {
    expect(pickSystemLocale(['es-ES', 'en-US'], 'en-US')).toBe('es-ES');
    expect(pickSystemLocale([], 'es')).toBe('es');
    expect(pickSystemLocale(['', 'bad value; rm -rf'], 'pt_BR')).toBe('pt-BR');
    expect(pickSystemLocale([], undefined)).toBe('en');
  });

  it('is a single switch that cannot carry anything but a language tag', () => {
    expect(localeArgument('es-ES')).toBe('--sla-locale=es-ES');
    expect(localeArgument('--inject --flags')).toBe('--sla-locale=en');
    expect(normalizeLocale('zh-Hant-TW')).toBe('zh-Hant-TW');
    expect(normalizeLocale('es ES')).toBeNull();
  });
});

describe('the Electron build of better-sqlite3', () => {
  it('is loaded from <appPath>/.native-electron in development when it exists', () => {
    expect(electronNativeBinding('/repo', false, () => true)).toBe(join('/repo', '.native-electron', 'better_sqlite3.node'));
    expect(electronNativeBinding('/repo', false, () => false)).toBeUndefined();
  });

  it('is never passed in a packaged app, whose own node_modules electron-builder rebuilt', () => {
    expect(electronNativeBinding('/opt/SLA Workshop/resources/app.asar', true, () => true)).toBeUndefined();
  });
});
