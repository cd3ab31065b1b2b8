/**
 * The process the crash test kills. Run as `node --import tsx test/reliability/crash-child.ts <dataDir>`.
 *
 * It loads the real core first and says `loaded`, then waits for `go <mode>` on stdin, so the parent can
 * start the next child (tsx and zod take most of a second to load) while it is still killing and checking
 * the previous one. On `go` it opens the core on the data folder, takes the agreement there (the first
 * child creates it, with some other agreements so a backup takes a while), says `ready <id> <revision>`,
 * and then, for as long as it lives, in its mode:
 *
 * - `save`: saves edits through `dispatch`; each sets the company to `crash-<revision it creates>`, a
 *   value no other save writes, and only once dispatch has answered ok does it write `ack <revision>`;
 * - `backup`: one acknowledged save (so there is a change to back up), then `backup-start`, a backup,
 *   `backup-done <ms>`, again and again;
 * - `import`: `import-start`, a `.slaw` import through dispatch (a new agreement titled `import-…`), then
 *   `imported <id> <title> <ms>`, again and again.
 *
 * Lines go out with fs.writeSync(1): once the call returns the bytes are in the pipe, where a SIGKILL
 * cannot take them back.
 */
import { writeSync } from 'node:fs';
import { createCore } from '../../src/main/core/core';
import type { AgreementRecord, AgreementSummary } from '../../src/shared/api/contract';
import type { Result } from '../../src/shared/api/errors';
import { createExample } from '../../src/shared/model/example';
import { serializeSlaw } from '../../src/shared/slaw/format';

/** A child nobody kills (its parent died) stops by itself instead of saving forever. */
const MAX_LIFETIME_MS = 30_000;
/** Agreements beside the one the test edits: they make a backup long enough to be killed in. */
const BALLAST = 30;
const CRASH_MODES = ['save', 'backup', 'import'] as const;
type Mode = (typeof CRASH_MODES)[number];

function say(line: string): void {
  const bytes = Buffer.from(`${line}\n`);
  let written = 0;
  while (written < bytes.length) {
    try {
      written += writeSync(1, bytes, written);
    } catch (error) {
      // A non-blocking pipe that is momentarily full: try again, the parent keeps reading.
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
    }
  }
}

function fail(message: string): never {
  say(`error ${message.replace(/\s+/g, ' ')}`);
  process.exit(2);
}

function unwrap<T>(result: Result<unknown>, what: string): T {
  if (!result.ok) fail(`${what}: ${result.error.kind} ${result.error.message}`);
  return result.value as T;
}

async function run(dataDir: string, mode: Mode): Promise<void> {
  const deadline = Date.now() + MAX_LIFETIME_MS;
  const core = createCore({ dataDir, appVersion: '0.0.0-crash', host: 'direct' });
  const { dispatch } = core;
  const listed = unwrap<AgreementSummary[]>(await dispatch('agreements.list', {}), 'list');
  let id = listed.find((s) => s.title === 'crash-target')?.id;
  if (!id) {
    id = unwrap<AgreementRecord>(await dispatch('agreements.create', { source: 'example', language: 'en', title: 'crash-target' }), 'create').agreement.meta.id;
    for (let i = 0; i < BALLAST; i++)
      unwrap(await dispatch('agreements.create', { source: 'example', language: i % 2 ? 'es' : 'en', title: `ballast-${i}` }), 'ballast');
  }
  const record = unwrap<AgreementRecord>(await dispatch('agreements.get', { id }), 'get');
  const agreement = record.agreement;
  let revision = record.revision;
  say(`ready ${id} ${revision}`);

  const save = async () => {
    agreement.meta.company = `crash-${revision + 1}`;
    const saved = unwrap<{ revision: number }>(await dispatch('agreements.save', { id, revision, agreement }), 'save');
    if (saved.revision !== revision + 1) fail(`save answered revision ${saved.revision} after ${revision}`);
    revision = saved.revision;
    say(`ack ${revision}`);
  };

  for (let n = 0; ; n++) {
    if (Date.now() > deadline) fail('lived too long: nobody killed this child');
    if (mode === 'save') {
      await save();
    } else if (mode === 'backup') {
      await save();
      say('backup-start');
      const started = performance.now();
      if (!core.backups.takeNow()) fail(`backup: ${core.backups.lastError() ?? 'nothing taken after a change'}`);
      say(`backup-done ${Math.round(performance.now() - started)}`);
    } else {
      const title = `import-${process.pid}-${n}`;
      const example = createExample('es');
      const content = serializeSlaw({ ...example, meta: { ...example.meta, title } }, '0.0.0-crash');
      say('import-start');
      const started = performance.now();
      const { summary } = unwrap<{ summary: AgreementSummary }>(await dispatch('slaw.import', { content }), 'import');
      say(`imported ${summary.id} ${title} ${Math.round(performance.now() - started)}`);
    }
  }
}

const dataDir = process.argv[2];
if (!dataDir) fail('usage: crash-child.ts <dataDir>');
say('loaded');
let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk: string) => {
  input += chunk;
  const go = /^go (\w+)\n/m.exec(input);
  if (go) {
    process.stdin.pause();
    const mode = (CRASH_MODES as readonly string[]).includes(go[1] ?? '') ? (go[1] as Mode) : fail(`unknown mode ${go[1]}`);
    run(dataDir, mode).catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
  }
});
// The parent went away before saying go.
process.stdin.on('end', () => process.exit(0));
