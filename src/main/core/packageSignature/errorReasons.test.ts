import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resources } from '../../../shared/i18n';

/** Every reason this module can throw is translated, so the UI and the CLI never show a bare code. */
describe('the error reasons of package signing', () => {
  it('all have a message in English and Spanish', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? files(join(dir, entry.name)) : entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [join(dir, entry.name)] : [],
      );
    const reasons = new Set(
      files(import.meta.dirname).flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(/reason: '([a-z0-9_]+)'|fail\('\w+', '([a-z0-9_]+)'/g)].map((m) => m[1] ?? m[2] ?? ''),
      ),
    );
    expect(reasons.size).toBeGreaterThanOrEqual(15);
    for (const lang of ['en', 'es'] as const) {
      const messages = (resources[lang].translation as unknown as { errors: { reason: Record<string, string> } }).errors.reason;
      for (const reason of reasons) expect(messages[reason], `${lang}: ${reason}`).toBeTruthy();
    }
  });
});
