import { createReadStream, statSync } from 'node:fs';
import Papa from 'papaparse';
import { importCsvFile } from '../src/main/cli/csvParallel';
import { READ_CHUNK_BYTES } from '../src/shared/actuals/importCsv';
import { fieldDecoderFor } from '../src/shared/actuals/encoding';
import { CsvRecordReader } from '../src/shared/actuals/records';
import type { AgreementFacts } from '../src/shared/actuals/types';

/**
 * One measured run in its own process (so its peak RSS is its own). Prints one JSON line: milliseconds,
 * CPU milliseconds, bytes, rows and the process's max RSS.
 * - `pipeline`: FILE through the CLI's path (`importCsvFile`, what `import-csv` calls: in pieces on worker
 *   threads for a large file on a machine with several cores, see src/main/cli/csvParallel.ts).
 * - `split`: the bare line split of the same bytes (decode, split on \n, count lines) — the yardstick.
 * The floors, to say where the pipeline's time goes (bench/csv.ts prints them next to it):
 * - `fields`: decode, split on \n, and each line split on `,` into an array of strings (no quotes handled).
 * - `papaparse`: papaparse alone tokenising the decoded text into rows of fields (quotes handled), nothing else.
 * - `tokenize`: the pipeline's own record reader (the CLI's 1 MiB reads, records found on the bytes) with
 *   nothing read from the records: the pipeline minus dates, checks and aggregation.
 */
const MODES = ['pipeline', 'split', 'fields', 'papaparse', 'tokenize'] as const;
type Mode = (typeof MODES)[number];
const [mode, file] = process.argv.slice(2) as [Mode | undefined, string | undefined];
if (!file || !mode || !MODES.includes(mode)) throw new Error(`usage: csvChild.ts ${MODES.join('|')} FILE`);

const KEYS = ['lead', 'mql', 'sql', 'opportunity', 'customer'] as const;
const facts: AgreementFacts = { stages: KEYS.map((key) => ({ id: `stage-${key}`, key, name: key })), handoffStageId: 'stage-mql', firstContactWindowHours: 24 };

/** Decoded text of FILE, piece by piece, as the split decodes it. */
async function* decoded(): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  for await (const chunk of createReadStream(file!)) yield decoder.decode(chunk as Uint8Array, { stream: true });
  yield decoder.decode();
}

const start = process.hrtime.bigint();
const cpuStart = process.cpuUsage();
let rows = 0;
let workers = 0;
let merged = 0;
if (mode === 'pipeline') {
  const result = await importCsvFile(
    file,
    { facts, timeZone: 'Europe/Madrid', requiredAttempts: 3 },
    { onPlan: (n) => (workers = n), onPiece: (m) => (merged += m ? 1 : 0) },
  );
  rows = result.rows.records;
} else if (mode === 'split' || mode === 'fields') {
  let carry = '';
  let fields = 0;
  for await (const text of decoded()) {
    const lines = (carry + text).split('\n');
    carry = lines.pop() ?? '';
    rows += lines.length;
    if (mode === 'fields') for (const line of lines) fields += line.split(',').length;
  }
  if (carry.length > 0) rows++;
  rows--; // the header
  if (mode === 'fields' && fields < rows) throw new Error('no fields');
} else if (mode === 'papaparse') {
  const parser = new Papa.Parser({ delimiter: ',', newline: '\n' });
  let carry = '';
  for await (const text of decoded()) {
    const input = carry + text;
    const result = parser.parse(input, 0, true) as { data: string[][]; meta: { cursor: number } };
    rows += result.data.length;
    carry = input.slice(result.meta.cursor);
  }
  if (carry.length > 0) rows += (parser.parse(carry, 0, false) as { data: string[][] }).data.length;
  rows--; // the header
} else {
  const reader = new CsvRecordReader(',', '\n', fieldDecoderFor('utf-8'), true);
  const count = () => rows++;
  // Node's Buffers wrapped as plain Uint8Arrays, as the import's job does (one kind of array for the reader).
  for await (const chunk of createReadStream(file, { highWaterMark: READ_CHUNK_BYTES })) {
    const bytes = chunk as Uint8Array;
    reader.push(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length), count);
  }
  reader.end(count);
  rows--; // the header
}
const ms = Number(process.hrtime.bigint() - start) / 1e6;
const cpu = process.cpuUsage(cpuStart);
console.log(
  JSON.stringify({
    mode,
    ms,
    cpuMs: (cpu.user + cpu.system) / 1000,
    bytes: statSync(file).size,
    rows,
    // The process's peak, worker threads included (they share it).
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    workers,
    merged,
  }),
);
