import { createHash } from 'node:crypto';
import type { Db } from './connection';
import { MODEL_VERSION_BEFORE_COLUMN } from './migrations/005-model-version-lineage-actuals';

/**
 * A digest of everything a restore would bring back: the schema version, every schema entry, and every
 * row of every table. Two databases have the same digest exactly when they hold the same rows (a SHA-256
 * collision aside), whatever their page layout: `VACUUM INTO` may renumber rowids and reorder pages, so
 * rows are hashed one by one and the row hashes sorted, never taken in file order. Text is hashed as the
 * stored bytes (an invalid UTF-8 byte is not folded into U+FFFD), integers as exact 64-bit values and
 * reals as their 8 bytes.
 *
 * Why not something cheaper: `PRAGMA data_version` only tells one connection about other connections'
 * commits and resets with every process; the file change counter is not kept in WAL mode; "max revision
 * + row count" misses a trash, a restore, a purge followed by an insert, and any table other than the
 * agreements. Reading every row is needed at start-up anyway (each agreement is parsed), so the digest
 * costs little more than that read.
 */

/** One agreement as stored, handed to the caller while the digest is computed. */
export interface StoredAgreementRow {
  id: string;
  title: string;
  revision: number;
  deletedAt: string | null;
  /** The model version the JSON was written in (a database from before that column: its rows are all older). */
  modelVersion: number;
  /** The stored bytes of the `data` column (its JSON), exactly as on disk. */
  data: Buffer;
  /** SHA-256 (hex) of the whole row: equal rows in two databases have equal hashes. */
  rowHash: string;
  /**
   * SHA-256 (hex) of the id and the JSON alone: what a check of the agreement depends on. A trash or a
   * revision bump changes the row hash, not this one, so a row already known to parse is not parsed again.
   */
  contentHash: string;
}

export interface DatabaseScan {
  digest: string;
  userVersion: number;
  /** Rows per table, for the figures and for support. */
  rows: number;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

const TYPE_TAG: Record<string, number> = { null: 0, integer: 1, real: 2, text: 3, blob: 4 };

function hashValue(hash: ReturnType<typeof createHash>, type: string, value: unknown): void {
  const tag = Buffer.from([TYPE_TAG[type] ?? 5]);
  hash.update(tag);
  if (Buffer.isBuffer(value)) {
    const length = Buffer.alloc(8);
    length.writeBigUInt64BE(BigInt(value.length));
    hash.update(length).update(value);
  } else if (typeof value === 'bigint') {
    const bytes = Buffer.alloc(8);
    bytes.writeBigInt64BE(value);
    hash.update(bytes);
  } else if (typeof value === 'number') {
    const bytes = Buffer.alloc(8);
    bytes.writeDoubleBE(value);
    hash.update(bytes);
  }
}

const text = (value: unknown): string => (Buffer.isBuffer(value) ? value.toString('utf8') : value === null || value === undefined ? '' : String(value));

/**
 * Reads every row of every table once and returns the digest; each row of `agreements` is also handed to
 * `onAgreement` (its JSON as bytes), so the caller can check it in the same pass.
 */
export function scanDatabase(db: Db, onAgreement?: (row: StoredAgreementRow) => void): DatabaseScan {
  const total = createHash('sha256');
  const userVersion = Number(db.pragma('user_version', { simple: true }));
  total.update(`user_version ${userVersion}\n`);
  const schema = db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name').all() as {
    type: string;
    name: string;
    tbl_name: string;
    sql: string | null;
  }[];
  for (const entry of schema) total.update(`${entry.type}\u0000${entry.name}\u0000${entry.tbl_name}\u0000${entry.sql ?? ''}\u0001`);

  let rows = 0;
  for (const { name } of schema.filter((e) => e.type === 'table')) {
    const columns = (db.prepare(`PRAGMA table_info(${quote(name)})`).all() as { name: string }[]).map((c) => c.name);
    if (columns.length === 0) continue;
    const select = columns
      .map((c) => `typeof(${quote(c)}), CASE WHEN typeof(${quote(c)}) IN ('text', 'blob') THEN CAST(${quote(c)} AS BLOB) ELSE ${quote(c)} END`)
      .join(', ');
    const statement = db
      .prepare(`SELECT ${select} FROM ${quote(name)}`)
      .raw(true)
      .safeIntegers(true);
    const index = (column: string) => columns.indexOf(column);
    const agreementColumns =
      name === 'agreements'
        ? {
            id: index('id'),
            title: index('title'),
            revision: index('revision'),
            deletedAt: index('deleted_at'),
            modelVersion: index('model_version'),
            data: index('data'),
          }
        : null;
    const rowHashes: Buffer[] = [];
    for (const raw of statement.iterate() as Iterable<unknown[]>) {
      const value = (column: number) => (column >= 0 ? raw[2 * column + 1] : null);
      // An agreement's JSON (most of the bytes) is hashed once, with its id; the row hash takes that hash
      // in its place, so the JSON is not hashed twice.
      let content: { id: string; bytes: Buffer; hash: Buffer } | null = null;
      if (agreementColumns && agreementColumns.data >= 0) {
        const data = value(agreementColumns.data);
        const id = text(value(agreementColumns.id));
        const bytes = Buffer.isBuffer(data) ? data : Buffer.from(text(data));
        content = { id, bytes, hash: createHash('sha256').update(id).update('\u0000').update(bytes).digest() };
      }
      const hash = createHash('sha256');
      for (let i = 0; i < columns.length; i++) hashValue(hash, String(raw[2 * i]), content && i === agreementColumns?.data ? content.hash : raw[2 * i + 1]);
      const rowHash = hash.digest();
      rowHashes.push(rowHash);
      rows++;
      if (agreementColumns && content && onAgreement) {
        const revision = value(agreementColumns.revision);
        const deletedAt = value(agreementColumns.deletedAt);
        const modelVersion = agreementColumns.modelVersion >= 0 ? value(agreementColumns.modelVersion) : MODEL_VERSION_BEFORE_COLUMN;
        onAgreement({
          id: content.id,
          title: text(value(agreementColumns.title)),
          revision: typeof revision === 'bigint' ? Number(revision) : Number(revision ?? 0),
          deletedAt: deletedAt === null || deletedAt === undefined ? null : text(deletedAt),
          modelVersion: typeof modelVersion === 'bigint' ? Number(modelVersion) : Number(modelVersion ?? MODEL_VERSION_BEFORE_COLUMN),
          data: content.bytes,
          rowHash: rowHash.toString('hex'),
          contentHash: content.hash.toString('hex'),
        });
      }
    }
    rowHashes.sort(Buffer.compare);
    total.update(`table ${name} ${rowHashes.length}\n`);
    for (const h of rowHashes) total.update(h);
  }
  return { digest: total.digest('hex'), userVersion, rows };
}
