import { installationSettingsSchema, type InstallationSettings } from '../../shared/api/keysAndSettings';
import { createTranslator } from '../../shared/i18n';
import type { Language } from '../../shared/model/schema';
import type { SettingsRepo } from '../db/settingsRepo';

const DEVICE_NAME = 'deviceName';

const generic = new Map<Language, string>();
function genericDeviceName(language: Language): string {
  let name = generic.get(language);
  if (name === undefined) {
    name = createTranslator(language)('common.device.default');
    generic.set(language, name);
  }
  return name;
}

export interface SettingsServiceOptions {
  now?: () => Date;
}

/** Installation settings (not an agreement's): the readable device name recorded with signatures. */
export function createSettingsService(repo: SettingsRepo, options: SettingsServiceOptions = {}) {
  const now = () => (options.now ?? (() => new Date()))();

  /** A stored value that no longer validates (edited by hand, written by a newer app) counts as not set. */
  function deviceName(): string | null {
    const text = repo.get(DEVICE_NAME);
    if (text === null) return null;
    try {
      const parsed = installationSettingsSchema.shape.deviceName.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  return {
    get(): InstallationSettings {
      return { deviceName: deviceName() };
    },

    /** The input is already trimmed and checked by the contract; an empty name goes back to the generic one. */
    update(input: { deviceName: string | null }): InstallationSettings {
      if (input.deviceName) repo.set(DEVICE_NAME, JSON.stringify(input.deviceName), now().toISOString());
      else repo.remove(DEVICE_NAME);
      return { deviceName: deviceName() };
    },

    /** What a signature records as its device: the name given here, else "This laptop" in the agreement's language. */
    deviceFor(language: Language): string {
      return deviceName() ?? genericDeviceName(language);
    },
  };
}
export type SettingsService = ReturnType<typeof createSettingsService>;
