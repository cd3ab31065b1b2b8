// electron-builder configuration for `npm run dist` (after `electron-vite build`).
// Packaging needs the Electron binary and downloads; it cannot run on machines without them.

/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'io.slaworkshop.app',
  productName: 'SLA Workshop',
  copyright: 'Copyright © SLA Workshop contributors',
  directories: {
    output: 'dist',
    buildResources: 'resources',
  },
  // The bundles and the manifest; production dependencies from node_modules are added by electron-builder.
  // out/node holds the CLI and browser-mode builds (scripts/node-build.mjs): not part of the desktop app.
  files: ['out/**', '!out/node/**', 'package.json'],
  asar: true,
  // Native modules cannot be loaded from inside an asar archive. node-forge is loaded by the key-derivation
  // worker thread (src/main/core/packageSignature/keys/keyWorker.ts), which may not read inside one either.
  asarUnpack: ['**/node_modules/better-sqlite3/**/*.node', '**/node_modules/node-forge/**'],
  // Rebuild native dependencies (better-sqlite3) for Electron's ABI while packaging. The packaged app
  // therefore loads better-sqlite3's own build and passes no nativeBinding (see docs/ELECTRON.md).
  npmRebuild: true,
  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    grantFileProtocolExtraPrivileges: false,
  },
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Office',
    icon: 'resources/icon.png',
    maintainer: 'SLA Workshop maintainers <maintainers@sla-workshop.invalid>',
    synopsis: 'Guided marketing–sales SLA workshop',
  },
  deb: {
    priority: 'optional',
  },
  win: {
    target: ['nsis'],
    icon: 'resources/icon.png',
  },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
  },
  mac: {
    target: ['dmg'],
    category: 'public.app-category.productivity',
    icon: 'resources/icon.png',
    hardenedRuntime: true,
  },
};
