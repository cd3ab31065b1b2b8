/**
 * The process the crash test kills. Run as `node --import tsx test/reliability/crash-child.ts <dataDir>`.
 *
 * It loads the real core first and says `loaded`, then waits for `go` on stdin, so the parent can start the
 * next child (tsx and zod take most of a second to load) while it is still killing and checking the
 * previous one. On `go` it opens the core on the data folder, takes the agreement there (creating the
 * example the first time), says `ready <id> <revision>`, and saves edits through `dispatch` for as long as
 * it lives. Each save sets the company to `crash-<revision it creates>`, a value no other save writes, and
 * only once dispatch has answered ok does it write `ack <revision>`. Lines go out with fs.writeSync(1): once
 * the call returns the bytes are in the pipe, where a SIGKILL cannot take them back.
 */
import { writeSync } from 'node:fs';
import { createCore } from '../../src/main/core/core';
import type { AgreementRecord, AgreementSummary } from '../../src/shared/api/contract';
import type { Result } from '../../src/shared/api/errors';

/** A child nobody kills (its parent died) stops by itself instead of saving forever. */
const MAX_LIFETIME_MS = 30_000;

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

async function run(dataDir: string): Promise<void> {
  const deadline = Date.now() + MAX_LIFETIME_MS;
  const core = createCore({ dataDir, appVersion: '0.0.0-crash', host: 'direct' });
  const { dispatch } = core;
  const listed = unwrap<AgreementSummary[]>(await dispatch('agreements.list', {}), 'list');
  const id = listed[0]?.id ?? unwrap<AgreementRecord>(await dispatch('agreements.create', { source: 'example', language: 'en' }), 'create').agreement.meta.id;
  const record = unwrap<AgreementRecord>(await dispatch('agreements.get', { id }), 'get');
  const agreement = record.agreement;
  let revision = record.revision;
  say(`ready ${id} ${revision}`);

  for (;;) {
    if (Date.now() > deadline) fail('lived too long: nobody killed this child');
    agreement.meta.company = `crash-${revision + 1}`;
    const saved = unwrap<{ revision: number }>(await dispatch('agreements.save', { id, revision, agreement }), 'save');
    if (saved.revision !== revision + 1) fail(`save answered revision ${saved.revision} after ${revision}`);
    revision = saved.revision;
    say(`ack ${revision}`);
  }
}

const dataDir = process.argv[2];
if (!dataDir) fail('usage: crash-child.ts <dataDir>');
say('loaded');
let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk: string) => {
  input += chunk;
  if (input.includes('go\n')) {
    process.stdin.pause();
    run(dataDir).catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
  }
});
// The parent went away before saying go.
process.stdin.on('end', () => process.exit(0));
