import { AppError } from '../../shared/api/errors';
import { upgradeStoredAgreement } from '../../shared/model/migrations';
import type { Agreement } from '../../shared/model/schema';
import { MODEL_VERSION } from '../../shared/model/version';

interface StoredRow {
  id: string;
  title: string;
  model_version: number;
  data: string;
}

/**
 * A row written by a newer app (a newer model version) is refused, by name, and never written over: this app
 * cannot know what its newer fields mean, so saving it would lose them.
 */
export function assertNotNewer(row: Pick<StoredRow, 'id' | 'title' | 'model_version'>): void {
  if (row.model_version <= MODEL_VERSION) return;
  throw new AppError('unsupported_version', `Agreement ${row.id} was stored by a newer model version (${row.model_version} > ${MODEL_VERSION})`, {
    reason: 'newer_agreement',
    title: row.title,
    found: row.model_version,
    supported: MODEL_VERSION,
  });
}

/**
 * One stored agreement in the current model: upgraded with the same migration list as a `.slaw` file (rows are
 * normally upgraded in place at start-up, see modelUpgrade.ts), then strictly validated. A row that does not
 * parse is reported as unreadable, never guessed at.
 */
export function readStoredRow(row: StoredRow): Agreement {
  assertNotNewer(row);
  try {
    return upgradeStoredAgreement(JSON.parse(row.data), row.model_version).agreement;
  } catch {
    throw new AppError('storage', `Stored agreement ${row.id} is unreadable`, { detail: 'corrupt_row' });
  }
}
