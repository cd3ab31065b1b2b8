import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const FIGURES_DIR = join(process.cwd(), 'test-results', 'reliability');

/**
 * Reliability tests record what they measured (kills survived, saves lost, payloads tried…) so that
 * `npm run reliability` can print one table from real runs, never from hand-written numbers.
 */
export function recordFigures(area: string, figures: Record<string, number | string>): void {
  mkdirSync(FIGURES_DIR, { recursive: true });
  writeFileSync(join(FIGURES_DIR, `${area}.json`), `${JSON.stringify({ area, recordedAt: new Date().toISOString(), figures }, null, 2)}\n`);
}
