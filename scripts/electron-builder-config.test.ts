import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a plain CommonJS object, checked field by field
const config = require('../electron-builder.config.cjs') as Record<string, any>;

describe('the electron-builder configuration', () => {
  it('names the app and puts packages in dist/', () => {
    expect(config.appId).toMatch(/^[a-z0-9]+(\.[a-z0-9-]+)+$/);
    expect(config.productName).toBe('SLA Workshop');
    expect(config.directories.output).toBe('dist');
  });

  it('packages only the built bundles and the manifest, in an asar with better-sqlite3’s binary unpacked', () => {
    // out/node is the CLI's and browser mode's own build, not the desktop app's.
    expect(config.files).toEqual(['out/**', '!out/node/**', 'package.json']);
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(expect.arrayContaining([expect.stringMatching(/better-sqlite3.*\.node$/), expect.stringMatching(/node-forge/)]));
    expect(config.npmRebuild).not.toBe(false);
  });

  it('builds AppImage and deb, an NSIS installer and a dmg, with their categories', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.linux.category).toBe('Office');
    expect(config.linux.maintainer).toMatch(/<.+@.+>/);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.mac.category).toBe('public.app-category.productivity');
  });

  it('takes its icons from resources/', () => {
    for (const platform of ['linux', 'win', 'mac']) expect(config[platform].icon, platform).toMatch(/^resources\//);
    expect(config.directories.buildResources).toBe('resources');
  });

  it('flips the Electron fuses that close run-as-node, NODE_OPTIONS, --inspect and loose app loading', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('passes electron-builder’s own schema validation', async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
      validateConfiguration(config: unknown, debug: { isEnabled: boolean; add(): void }): Promise<void>;
    };
    const debug = { isEnabled: false, add: () => undefined };
    await expect(validateConfiguration(config, debug)).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, linux: { ...config.linux, notAnOption: true } }, debug)).rejects.toThrow();
  });
});
