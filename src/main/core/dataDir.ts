import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const DATA_DIR_ENV = 'SLA_WORKSHOP_DATA_DIR';
export const DATABASE_FILE = 'sla-workshop.db';

/** The per-user data folder when neither `--data-dir` nor SLA_WORKSHOP_DATA_DIR says otherwise. */
export function defaultDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, home: string = homedir()): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'SLA Workshop');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'SLA Workshop');
  return join(env.XDG_DATA_HOME || join(home, '.local', 'share'), 'sla-workshop');
}

/** `--data-dir` wins, then the environment variable, then the per-user default. */
export function resolveDataDir(flag?: string, env: NodeJS.ProcessEnv = process.env): string {
  const chosen = flag || env[DATA_DIR_ENV];
  return chosen ? resolve(chosen) : defaultDataDir(process.platform, env);
}
