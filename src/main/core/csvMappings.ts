import { z } from 'zod';
import { normalizeHeader, type CsvMapping } from '../../shared/actuals/mapping';
import { AppError } from '../../shared/api/errors';
import { SAVED_MAPPINGS_MAX, savedCsvMappingSchema, type SavedCsvMapping } from '../../shared/api/ops/csvMappings';
import { newId } from '../../shared/model/ids';
import type { SettingsRepo } from '../db/settingsRepo';

/** The installation-settings key the list is stored under (one JSON array: no table, no migration). */
export const CSV_MAPPINGS_KEY = 'csvMappings';

export interface CsvMappingServiceOptions {
  now?: () => Date;
}

/**
 * Column mappings the user saved for CSV imports, kept with the installation's settings so both hosts (Electron
 * and browser mode) see the same list. Every entry is validated when read: one that no longer validates (edited
 * by hand, written by a newer app) is left out of the list rather than breaking it.
 */
export function createCsvMappingService(repo: SettingsRepo, options: CsvMappingServiceOptions = {}) {
  const now = () => (options.now ?? (() => new Date()))();

  function read(): SavedCsvMapping[] {
    const text = repo.get(CSV_MAPPINGS_KEY);
    if (text === null) return [];
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return [];
    }
    const entries = z.array(z.unknown()).safeParse(json);
    if (!entries.success) return [];
    const valid: SavedCsvMapping[] = [];
    for (const entry of entries.data) {
      const parsed = savedCsvMappingSchema.safeParse(entry);
      if (parsed.success) valid.push(parsed.data);
    }
    return newestFirst(valid).slice(0, SAVED_MAPPINGS_MAX);
  }

  function write(list: SavedCsvMapping[]): { mappings: SavedCsvMapping[] } {
    repo.set(CSV_MAPPINGS_KEY, JSON.stringify(list), now().toISOString());
    return { mappings: read() };
  }

  return {
    list: (): { mappings: SavedCsvMapping[] } => ({ mappings: read() }),

    /** Same name (as headers compare: case and accents ignored) replaces; otherwise a new entry, up to the limit. */
    save(mapping: CsvMapping): { mappings: SavedCsvMapping[] } {
      const list = read();
      const name = normalizeHeader(mapping.name);
      const existing = list.find((entry) => normalizeHeader(entry.mapping.name) === name);
      if (!existing && list.length >= SAVED_MAPPINGS_MAX) {
        throw new AppError('too_large', `At most ${SAVED_MAPPINGS_MAX} column mappings are kept`, { max: SAVED_MAPPINGS_MAX });
      }
      const entry: SavedCsvMapping = { id: existing?.id ?? newId(), savedAt: now().toISOString(), mapping };
      return write([entry, ...list.filter((e) => e !== existing)]);
    },

    delete(id: string): { mappings: SavedCsvMapping[] } {
      const list = read();
      if (!list.some((e) => e.id === id)) throw new AppError('not_found', 'No saved column mapping has this id');
      return write(list.filter((e) => e.id !== id));
    },
  };
}
export type CsvMappingService = ReturnType<typeof createCsvMappingService>;

const newestFirst = (list: SavedCsvMapping[]) => [...list].sort((a, b) => b.savedAt.localeCompare(a.savedAt));
