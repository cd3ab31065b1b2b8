import { createReadStream, statSync } from 'node:fs';
import { importCsv, READ_CHUNK_BYTES } from '../src/shared/actuals/importCsv';
import type { AgreementFacts } from '../src/shared/actuals/types';

/**
 * One measured run in its own process (so its peak RSS is its own): `pipeline` imports FILE through the
 * CLI's path (fs.createReadStream with the CLI's chunk size → importCsv); `split` is the bare line split of the same bytes (decode,
 * split on \n, count lines). Prints one JSON line: milliseconds, bytes, rows and the process's max RSS.
 */
const [mode, file] = process.argv.slice(2);
if (!file || (mode !== 'pipeline' && mode !== 'split')) throw new Error('usage: csvChild.ts pipeline|split FILE');

const KEYS = ['lead', 'mql', 'sql', 'opportunity', 'customer'] as const;
const facts: AgreementFacts = { stages: KEYS.map((key) => ({ id: `stage-${key}`, key, name: key })), handoffStageId: 'stage-mql', firstContactWindowHours: 24 };

const start = process.hrtime.bigint();
const cpuStart = process.cpuUsage();
let rows = 0;
if (mode === 'pipeline') {
  const result = await importCsv(createReadStream(file, { highWaterMark: READ_CHUNK_BYTES }), { facts, timeZone: 'Europe/Madrid', requiredAttempts: 3 }, { totalBytes: statSync(file).size });
  rows = result.rows.records;
} else {
  const decoder = new TextDecoder();
  let carry = '';
  for await (const chunk of createReadStream(file)) {
    const lines = (carry + decoder.decode(chunk as Uint8Array, { stream: true })).split('\n');
    carry = lines.pop() ?? '';
    rows += lines.length;
  }
  if ((carry + decoder.decode()).length > 0) rows++;
  rows--; // the header
}
const ms = Number(process.hrtime.bigint() - start) / 1e6;
const cpu = process.cpuUsage(cpuStart);
console.log(
  JSON.stringify({ mode, ms, cpuMs: (cpu.user + cpu.system) / 1000, bytes: statSync(file).size, rows, maxRssMb: process.resourceUsage().maxRSS / 1024 }),
);
