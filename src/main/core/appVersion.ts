import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** The version in package.json; read once, validated like any other file we read. */
export const APP_VERSION: string = (() => {
  try {
    const text = readFileSync(new URL('../../../package.json', import.meta.url), 'utf8');
    return z.object({ version: z.string().max(50) }).parse(JSON.parse(text)).version;
  } catch {
    return '0.0.0';
  }
})();
