import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The fixtures each model version wrote (test/fixtures/model-v<N>/, never regenerated): a database, `.slaw`
 * files and a manifest naming what is in them. Every later model must still open them, unchanged in meaning.
 */
export const FIXTURES_DIR = 'test/fixtures';

export interface FixtureManifest {
  writtenBy: { appVersion: string; commit: string; slawSchemaVersion: number; databaseVersion: number };
  agreements: Record<
    'signed' | 'amendment' | 'draft' | 'trashed',
    { id: string; version: number; status: string; fingerprint?: string; amends?: string; trashed?: boolean }
  >;
}

export interface FixtureSet {
  name: string;
  dir: string;
  manifest: FixtureManifest;
  slawFiles: string[];
}

export function fixtureSets(): FixtureSet[] {
  return readdirSync(FIXTURES_DIR)
    .filter((name) => /^model-v\d+$/.test(name) && existsSync(join(FIXTURES_DIR, name, 'manifest.json')))
    .sort()
    .map((name) => {
      const dir = join(FIXTURES_DIR, name);
      return {
        name,
        dir,
        manifest: JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as FixtureManifest,
        slawFiles: readdirSync(dir)
          .filter((f) => f.endsWith('.slaw'))
          .sort(),
      };
    });
}

export interface StoredFixtureRow {
  id: string;
  status: string;
  deleted_at: string | null;
  data: string;
}

/** The rows exactly as the old app stored them (read-only, from the committed file). */
export function fixtureRows(set: FixtureSet): StoredFixtureRow[] {
  const db = new Database(join(set.dir, 'sla-workshop.db'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare<[], StoredFixtureRow>('SELECT id, status, deleted_at, data FROM agreements ORDER BY id').all();
  } finally {
    db.close();
  }
}

/** A fresh data folder holding a copy of the fixture database (the committed file is never opened for writing). */
export function dataDirWithFixture(set: FixtureSet): string {
  const dir = mkdtempSync(join(tmpdir(), `sla-${set.name}-`));
  copyFileSync(join(set.dir, 'sla-workshop.db'), join(dir, 'sla-workshop.db'));
  return dir;
}

/** Model version 4 gave every older agreement its clauses, all unset. */
const UNSET_TERMS = {
  effectiveDate: null,
  term: null,
  termMonths: null,
  escalation: { to: '', withinDays: null, remedy: '' },
  amendmentNotes: '',
  confidentiality: { required: null, text: '' },
};

/** What model version 2 stored, read as the current model: the same agreement without its monthly actuals, and
 *  each signature recording canonical form 1. */
export function v2AsCurrent(json: string): Record<string, unknown> {
  const { actuals: _actuals, ...rest } = JSON.parse(json) as Record<string, unknown> & { signatures: Record<string, unknown>[] };
  return { ...rest, terms: UNSET_TERMS, signatures: rest.signatures.map((s) => ({ ...s, canonicalVersion: 1 })) };
}
