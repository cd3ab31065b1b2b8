import { launcherMessage } from './message';
import { osLocale } from './osLocale';

/**
 * Entry point for the start scripts: `node --import tsx src/main/electron/launcher/print.ts <key> [name=value ...]`
 * writes exactly one translated line to stderr (exit 2 for an unknown key).
 */
const [key = '', ...pairs] = process.argv.slice(2);
const line = launcherMessage(key, pairs, osLocale());
if (line === null) process.exitCode = 2;
else process.stderr.write(`${line}\n`);
