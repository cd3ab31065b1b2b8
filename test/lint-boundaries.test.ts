import { ESLint } from 'eslint';
import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LAYERS } from '../eslint.config.js';

/**
 * The layer rules in eslint.config.js, checked against code that breaks them: each file below is linted
 * through ESLint's API as if it lived in the folder named by `filePath` (it does not exist on disk).
 */
const eslint = new ESLint({ cwd: process.cwd() });
const lint = async (filePath: string, code: string) => (await eslint.lintText(code, { filePath }))[0]?.messages ?? [];
const problems = async (filePath: string, code: string) => (await lint(filePath, code)).map((m) => m.ruleId);
const layerProblems = async (filePath: string, code: string) => (await lint(filePath, code)).filter((m) => m.ruleId === 'layers/imports').map((m) => m.message);

type Layer = (typeof LAYERS)[number];
type Arrow = string | { layer: string; typeOnly: boolean };

/** A real module of each layer, the target of the imports below. */
const SAMPLE_TARGET: Record<string, string> = {
  shared: 'src/shared/api/errors.ts',
  db: 'src/main/db/connection.ts',
  core: 'src/main/core/core.ts',
  http: 'src/main/http/server.ts',
  cli: 'src/main/cli/context.ts',
  electron: 'src/main/electron/main.ts',
  preload: 'src/preload/index.ts',
  'api-types': 'src/preload/api-types.ts',
  renderer: 'src/renderer/App.tsx',
};

/** Where a file of the layer is pretended to be (the preload's type file is a single file). */
const sourceIn = (layer: Layer) => (layer.name === 'api-types' ? 'src/preload/api-types.ts' : `${layer.path}/deeper/wall-check.ts`);

function specifier(from: string, to: string): string {
  const path = posix.relative(posix.dirname(from), to).replace(/\.tsx?$/, '');
  return path.startsWith('.') ? path : `./${path}`;
}

const arrowTo = (layer: Layer, target: string): Arrow | undefined =>
  (layer.imports as readonly Arrow[]).find((a) => (typeof a === 'string' ? a : a.layer) === target);

describe('the arrows between folders (every pair of layers)', () => {
  const pairs = LAYERS.flatMap((from) => LAYERS.filter((to) => to.name !== from.name).map((to) => [from, to] as const));

  it.each(pairs.map(([from, to]) => [from.name, to.name, from, to] as const))(
    '%s → %s: a value import is refused unless the table allows it',
    async (_f, _t, from, to) => {
      const file = sourceIn(from);
      const found = await layerProblems(file, `import * as target from '${specifier(file, SAMPLE_TARGET[to.name]!)}';\nexport const t = target;\n`);
      const arrow = arrowTo(from, to.name);
      if (arrow === undefined) expect(found.join('\n'), `${from.name} → ${to.name}`).toMatch(new RegExp(`^${from.name} may not import ${to.name} `));
      else if (typeof arrow === 'object' && arrow.typeOnly) expect(found.join('\n')).toMatch(/for types only/);
      else expect(found).toEqual([]);
    },
  );

  it('cover every row: each layer has a sample target and the table names only known layers', () => {
    const names = LAYERS.map((l) => l.name);
    expect(Object.keys(SAMPLE_TARGET).sort()).toEqual([...names].sort());
    for (const layer of LAYERS) for (const arrow of layer.imports as readonly Arrow[]) expect(names).toContain(typeof arrow === 'string' ? arrow : arrow.layer);
  });
});

describe('the walls inside src/main', () => {
  const importOf = (from: string, to: string) => `import * as target from '${specifier(from, to)}';\nexport const t = target;\n`;

  it('keep core away from every host: http, electron and cli', async () => {
    for (const host of ['src/main/http/server.ts', 'src/main/electron/main.ts', 'src/main/cli/context.ts']) {
      expect(await layerProblems('src/main/core/x.ts', importOf('src/main/core/x.ts', host)), host).toHaveLength(1);
    }
  });

  it('keep db below the core', async () => {
    expect(await layerProblems('src/main/db/migrations/x.ts', importOf('src/main/db/migrations/x.ts', 'src/main/core/core.ts'))).toEqual([
      "db may not import core ('../../core/core'): it imports only shared (see docs/ARCHITECTURE.md).",
    ]);
  });

  it('let the hosts import the core but never each other', async () => {
    const hosts = ['src/main/http/x.ts', 'src/main/electron/x.ts', 'src/main/cli/commands/x.ts'];
    for (const from of hosts) {
      expect(await layerProblems(from, importOf(from, 'src/main/core/core.ts')), from).toEqual([]);
      for (const to of ['src/main/http/server.ts', 'src/main/electron/main.ts', 'src/main/cli/context.ts']) {
        if (to.split('/')[2] === from.split('/')[2]) continue;
        expect(await layerProblems(from, importOf(from, to)), `${from} → ${to}`).toHaveLength(1);
      }
    }
  });

  it('see through the spelling: a detour, a dynamic import, a re-export and an import type all count', async () => {
    const file = 'src/main/core/document/x.ts';
    for (const code of [
      "import { x } from '../../core/../http/server';\nexport const y = x;\n",
      "export const load = () => import('../../http/server');\n",
      "export * from '../../http/security';\n",
      "export { createHttpHost } from '../../http/server';\n",
      "import type { HttpHostOptions } from '../../http/server';\nexport type O = HttpHostOptions;\n",
      "export type O = import('../../http/server').HttpHostOptions;\n",
    ]) {
      expect(await layerProblems(file, code), code).toHaveLength(1);
    }
  });

  it('do not confuse src/renderer/main.tsx with src/main', async () => {
    expect(await layerProblems('src/renderer/x.ts', "import * as m from './main';\nexport const a = m;\n")).toEqual([]);
    expect(await layerProblems('src/renderer/x.ts', "import * as m from '../main/core/core';\nexport const a = m;\n")).toHaveLength(1);
  });

  it('refuse shipped code that reaches outside src, or into a folder the table does not know', async () => {
    expect(await layerProblems('src/main/core/x.ts', "import { useTempDirs } from '../../../test/support/tempDirs';\nexport const u = useTempDirs;\n")).toEqual(
      ["core is shipped code and may not import '../../../test/support/tempDirs', which is outside src/ (only tests may)."],
    );
    expect((await layerProblems('src/main/core/x.ts', "import * as w from '../workers/pool';\nexport const p = w;\n"))[0]).toMatch(/is in no layer/);
  });

  it('let tests beside the code set up through any layer and use test/ helpers (they are not shipped)', async () => {
    const code =
      "import { createCore } from '../core/core';\nimport { useTempDirs } from '../../../test/support/tempDirs';\nexport const c = [createCore, useTempDirs];\n";
    expect(await layerProblems('src/main/db/x.test.ts', code)).toEqual([]);
  });
});

describe('the packages each layer may use', () => {
  it('keep Node, the DOM, electron, React and the database out of src/shared', async () => {
    for (const pkg of ['node:fs', 'fs', 'electron', 'react', 'better-sqlite3', 'docx']) {
      expect(await layerProblems('src/shared/model/x.ts', `import * as p from '${pkg}';\nexport const q = p;\n`), pkg).toHaveLength(1);
    }
    expect(await problems('src/shared/model/x.ts', 'export const w = () => window.location.href;\n')).toContain('no-restricted-globals');
    expect(await problems('src/shared/model/x.ts', 'export const d = () => document.title;\n')).toContain('no-restricted-globals');
    expect(await problems('src/shared/model/x.ts', 'export const p = () => process.env;\n')).toContain('no-restricted-globals');
  });

  it('accept pure shared code and its tests', async () => {
    expect(
      await problems(
        'src/shared/model/x.ts',
        "import { z } from 'zod';\nimport type { TFunction } from 'i18next';\nexport const s = z.string();\nexport type T = TFunction;\n",
      ),
    ).toEqual([]);
    expect(await problems('src/shared/model/x.test.ts', "import { it } from 'vitest';\nimport fc from 'fast-check';\nit('runs', () => void fc);\n")).toEqual(
      [],
    );
  });

  it('let only src/main/electron and the preload import electron', async () => {
    const code = "import { app } from 'electron';\nexport const a = app;\n";
    for (const file of ['src/main/core/x.ts', 'src/main/db/x.ts', 'src/main/http/x.ts', 'src/main/cli/x.ts', 'src/renderer/x.ts', 'src/preload/api-types.ts']) {
      expect(await problems(file, code), file).toContain('@typescript-eslint/no-restricted-imports');
    }
    expect(await problems('src/main/electron/x.ts', code)).toEqual([]);
    expect(await problems('src/preload/index.ts', "import { contextBridge } from 'electron';\nexport const c = contextBridge;\n")).toEqual([]);
  });

  it('give the preload electron and its type file only', async () => {
    expect(await layerProblems('src/preload/index.ts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n")).toHaveLength(1);
    expect(await layerProblems('src/preload/index.ts', "import { z } from 'zod';\nexport const s = z;\n")).toHaveLength(1);
    expect(await layerProblems('src/preload/index.ts', "import { IPC } from './api-types';\nexport const i = IPC;\n")).toEqual([]);
  });

  it('keep Node, electron and the database out of the renderer; the preload type file for types only', async () => {
    expect(await problems('src/renderer/x.ts', "import { join } from 'node:path';\nexport const j = join;\n")).toContain(
      '@typescript-eslint/no-restricted-imports',
    );
    expect(await problems('src/renderer/x.ts', "import Database from 'better-sqlite3';\nexport const d = Database;\n")).toContain(
      '@typescript-eslint/no-restricted-imports',
    );
    expect(await layerProblems('src/renderer/api/x.ts', "import type { DesktopApi } from '../../preload/api-types';\nexport type D = DesktopApi;\n")).toEqual(
      [],
    );
    expect(await layerProblems('src/renderer/api/x.ts', "import { IPC } from '../../preload/api-types';\nexport const i = IPC;\n")).toEqual([
      "renderer may import api-types for types only ('../../preload/api-types'): use `import type`.",
    ]);
  });
});

describe('docs/ARCHITECTURE.md', () => {
  const doc = readFileSync('docs/ARCHITECTURE.md', 'utf8');
  const rows = doc
    .split('\n')
    .filter((line) => line.startsWith('| `src/'))
    .map((line) =>
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );
  const ticked = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);

  it('has one row per layer, with exactly the arrows and packages the lint rule enforces', () => {
    expect(rows.map((r) => ticked(r[0]!)[0]!.replace(/\/$|\.ts$/g, ''))).toEqual(LAYERS.map((l) => l.path));
    for (const layer of LAYERS) {
      const row = rows.find((r) => ticked(r[0]!)[0]!.replace(/\/$|\.ts$/g, '') === layer.path)!;
      const [, , folders = '', packages = ''] = row;
      const expected = (layer.imports as readonly Arrow[]).map((a) => (typeof a === 'string' ? a : `${a.layer} (types only)`));
      const documented = ticked(folders).map((name) => (folders.includes(`\`${name}\` (types only)`) ? `${name} (types only)` : name));
      expect(documented, layer.name).toEqual(expected);
      const allowlist = 'packages' in layer ? (layer.packages as readonly string[]) : null;
      if (allowlist) {
        expect(packages, layer.name).toMatch(/^only\b|^none\b/);
        expect(ticked(packages.split(';')[0]!).sort(), layer.name).toEqual([...allowlist].sort());
      } else {
        expect(packages, layer.name).not.toMatch(/^only\b|^none\b/);
      }
    }
  });
});
