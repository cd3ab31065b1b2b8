import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findProjectRoot } from './projectRoot';

const MAX_VERSION_LENGTH = 50;

/**
 * The version in package.json; read once and checked like any other file we read. A plain check rather than
 * a schema: `sla-workshop --version` needs this and nothing else, and should not pay for loading zod.
 */
export const APP_VERSION: string = (() => {
  const root = findProjectRoot();
  if (root === null) return '0.0.0';
  try {
    const manifest: unknown = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    const version = typeof manifest === 'object' && manifest !== null && 'version' in manifest ? manifest.version : undefined;
    return typeof version === 'string' && version.length > 0 && version.length <= MAX_VERSION_LENGTH ? version : '0.0.0';
  } catch {
    return '0.0.0';
  }
})();
