import { printTable, type Row } from './stats';
import { benchBrowser } from './browser';
import { benchCli } from './cli';
import { benchCsv } from './csv';
import { benchCsvBrowser } from './csvBrowser';
import { benchDocument } from './document';
import { benchPackageSignature } from './packageSignature';
import { benchAutosave, benchList } from './storage';

const GROUPS: Record<string, () => Promise<Row[]>> = {
  cli: benchCli,
  storage: async () => [...(await benchAutosave()), ...(await benchList())],
  document: benchDocument,
  signature: benchPackageSignature,
  browser: benchBrowser,
  csv: benchCsv,
  'csv-app': benchCsvBrowser,
};

/**
 * `npm run bench`: prints a table of figures next to their budgets. Not a test: it never fails the build.
 * `npm run bench -- cli storage` runs only those groups.
 */
const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in GROUPS));
if (unknown.length > 0) throw new Error(`Unknown benchmark group(s): ${unknown.join(', ')}; known: ${Object.keys(GROUPS).join(', ')}`);
const rows: Row[] = [];
for (const [name, run] of Object.entries(GROUPS)) if (wanted.length === 0 || wanted.includes(name)) rows.push(...(await run()));
printTable(rows);
