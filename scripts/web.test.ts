import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rendererNeedsBuild } from './web.mjs';
import { useTempDirs } from '../test/support/tempDirs';

const tempDir = useTempDirs();

function project() {
  const root = tempDir('sla-web-');
  mkdirSync(join(root, 'src', 'renderer', 'features'), { recursive: true });
  mkdirSync(join(root, 'src', 'shared'), { recursive: true });
  writeFileSync(join(root, 'src', 'renderer', 'features', 'Home.tsx'), '');
  writeFileSync(join(root, 'src', 'shared', 'model.ts'), '');
  const old = new Date(Date.now() - 60_000);
  for (const file of ['src/renderer/features/Home.tsx', 'src/renderer/features', 'src/renderer', 'src/shared/model.ts', 'src/shared'])
    utimesSync(join(root, file), old, old);
  return root;
}

function build(root: string) {
  mkdirSync(join(root, 'out', 'renderer'), { recursive: true });
  writeFileSync(join(root, 'out', 'renderer', 'index.html'), '');
}

describe('the renderer build check', () => {
  it('asks for a build when there is none', () => {
    expect(rendererNeedsBuild(project())).toBe(true);
  });

  it('skips the build when the output is newer than every source', () => {
    const root = project();
    build(root);
    expect(rendererNeedsBuild(root)).toBe(false);
  });

  it('rebuilds when a file deep under src/renderer or src/shared changed since', () => {
    for (const file of ['src/renderer/features/Home.tsx', 'src/shared/model.ts']) {
      const root = project();
      build(root);
      const later = new Date(Date.now() + 60_000);
      utimesSync(join(root, file), later, later);
      expect(rendererNeedsBuild(root), file).toBe(true);
    }
  });
});
