import type { AgreementsRepo } from '../db/agreementsRepo';
import type { CoreEvents } from './coreEvents';

/**
 * Every repository method, sorted into reads and writes. A method added to the repository fails the type
 * check here until someone decides whether it writes, so no write can slip past the change events.
 */
export const REPO_METHODS: Record<keyof AgreementsRepo, 'read' | 'write'> = {
  get: 'read',
  summary: 'read',
  exists: 'read',
  list: 'read',
  openAmendment: 'read',
  signedAmendment: 'read',
  amendsId: 'read',
  insert: 'write',
  update: 'write',
  updateSigning: 'write',
  setDeleted: 'write',
  purge: 'write',
  lineageOf: 'read',
  lineageInUse: 'read',
  staleRows: 'read',
  relinkLineage: 'write',
  upgradeRow: 'write',
};

/**
 * The repository, announcing `agreementChanged` for each agreement a write touched. The announcement waits
 * for a microtask: transactions are synchronous (better-sqlite3), so by then the write is committed — or
 * rolled back, and the revision read here says so — and listeners only ever see stored data. A trashed
 * agreement is announced with a null revision: it can no longer be edited.
 */
export function announceWrites(repo: AgreementsRepo, events: CoreEvents): AgreementsRepo {
  const touched = new Set<string>();
  let scheduled = false;

  function flush(): void {
    scheduled = false;
    const ids = [...touched];
    touched.clear();
    for (const id of ids) {
      let row;
      try {
        row = repo.summary(id);
      } catch {
        // The database was closed right after the write (the app is quitting): nobody is left to tell.
        return;
      }
      events.emit('agreementChanged', { id, revision: row && row.deleted_at === null ? row.revision : null });
    }
  }

  function touch<T>(id: string, result: T): T {
    if (result === false || !events.listened('agreementChanged')) return result;
    touched.add(id);
    if (!scheduled) {
      scheduled = true;
      queueMicrotask(flush);
    }
    return result;
  }

  return {
    ...repo,
    insert: (row) => touch(row.id, repo.insert(row)),
    update: (row, expected) => touch(row.id, repo.update(row, expected)),
    updateSigning: (row, expected) => touch(row.id, repo.updateSigning(row, expected)),
    setDeleted: (id, deletedAt) => touch(id, repo.setDeleted(id, deletedAt)),
    purge: (id) => touch(id, repo.purge(id)),
    relinkLineage: (from, to) => {
      const moved = repo.relinkLineage(from, to);
      for (const id of moved) touch(id, true);
      return moved;
    },
    upgradeRow: (row, data, to) => touch(row.id, repo.upgradeRow(row, data, to)),
  };
}
