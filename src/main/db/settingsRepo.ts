import type { Db } from './connection';

/** SQL only: one row per installation setting, its value as JSON text (core validates it). */
export function createSettingsRepo(db: Db) {
  const statements = {
    get: db.prepare<[string], { value: string }>('SELECT value FROM installation_settings WHERE key = ?'),
    set: db.prepare<{ key: string; value: string; updated_at: string }>(
      `INSERT INTO installation_settings (key, value, updated_at) VALUES (:key, :value, :updated_at)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    ),
    remove: db.prepare<[string]>('DELETE FROM installation_settings WHERE key = ?'),
  };
  return {
    get: (key: string): string | null => statements.get.get(key)?.value ?? null,
    set: (key: string, value: string, updatedAt: string) => void statements.set.run({ key, value, updated_at: updatedAt }),
    remove: (key: string) => void statements.remove.run(key),
  };
}
export type SettingsRepo = ReturnType<typeof createSettingsRepo>;
