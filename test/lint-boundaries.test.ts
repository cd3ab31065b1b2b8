import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The layer rules in eslint.config.js, checked against code that breaks them. */
describe('the import boundaries', () => {
  const eslint = new ESLint({ cwd: process.cwd() });
  const problems = async (filePath: string, code: string) =>
    (await eslint.lintText(code, { filePath }))[0]?.messages.map((m) => m.ruleId) ?? [];

  it('keep Node, the DOM and electron out of src/shared', async () => {
    expect(await problems('src/shared/model/x.ts', "import { readFileSync } from 'node:fs';\nexport const f = readFileSync;\n")).toContain('@typescript-eslint/no-restricted-imports');
    expect(await problems('src/shared/model/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toContain('@typescript-eslint/no-restricted-imports');
    expect(await problems('src/shared/model/x.ts', 'export const w = () => window.location.href;\n')).toContain('no-restricted-globals');
    expect(await problems('src/shared/model/x.ts', 'export const d = () => document.title;\n')).toContain('no-restricted-globals');
  });

  it('let only src/main/electron import electron', async () => {
    const code = "import { app } from 'electron';\nexport const a = app;\n";
    for (const file of ['src/main/core/x.ts', 'src/main/db/x.ts', 'src/main/http/x.ts', 'src/main/cli/x.ts', 'src/renderer/x.ts']) {
      expect(await problems(file, code), file).toContain('@typescript-eslint/no-restricted-imports');
    }
    expect(await problems('src/main/electron/x.ts', code)).toEqual([]);
  });

  it('keep Node and main-process code out of the renderer', async () => {
    expect(await problems('src/renderer/x.ts', "import { join } from 'node:path';\nexport const j = join;\n")).toContain('@typescript-eslint/no-restricted-imports');
    expect(await problems('src/renderer/x.ts', "import { createCore } from '../main/core/core';\nexport const c = createCore;\n")).toContain('@typescript-eslint/no-restricted-imports');
  });

  it('accept pure shared code', async () => {
    expect(await problems('src/shared/model/x.ts', "import { z } from 'zod';\nexport const s = z.string();\n")).toEqual([]);
  });
});
