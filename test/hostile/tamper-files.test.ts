import { CANONICAL_VERSION } from '../../src/shared/model/version';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgreementRecord } from '../../src/shared/api/contract';
import type { Result } from '../../src/shared/api/errors';
import type { Agreement } from '../../src/shared/model/schema';
import { serializeSlaw } from '../../src/shared/slaw/format';
import { toRow } from '../../src/main/core/agreements';
import { fingerprintOf } from '../../src/main/core/signing/fingerprint';
import { runCli } from '../../src/main/cli/program';
import { createAgreementsRepo } from '../../src/main/db/agreementsRepo';
import { recordFigures } from '../support/figures';
import { startHost, type HostUnderTest } from '../support/hosts';
import { strokePngDataUrl } from '../support/png';
import { signedExample } from '../support/signedExample';
import { useTempDirs } from '../support/tempDirs';

/**
 * Signed `.slaw` files tampered with the ways a person or a tool could, each put through every path that
 * reads a signed file: `slaw.import` (in process and over HTTP) and the CLI's `validate`, `import`, `export`
 * and `export --digital-signature`. Every path must refuse every case and write nothing. Then the
 * server-owned fields: drafts that try to take over another agreement's amendments. Figures for
 * `npm run reliability` (area `tamper-files`).
 */

const tempDir = useTempDirs();
const figures: Record<string, number | string> = {};
const tally = { tries: 0, refused: 0, hijacks: 0, neutralized: 0 };
afterAll(() => {
  recordFigures('tamper-files', {
    ...figures,
    tamper_cases_refused: `${tally.refused}/${tally.tries}`,
    tamper_cases_accepted: tally.tries - tally.refused,
    hijacks_neutralized: `${tally.neutralized}/${tally.hijacks}`,
  });
});

type Signature = Agreement['signatures'][number];
const PNG_PREFIX = 'data:image/png;base64,';

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(data, crc32(head.subarray(4))));
  return Buffer.concat([head, data, crc]);
}
function pngWith(width: number, height: number, idat: Buffer): string {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const magic = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return PNG_PREFIX + Buffer.concat([magic, chunk('IHDR', ihdr), chunk('IDAT', idat), chunk('IEND', Buffer.alloc(0))]).toString('base64');
}
const pngBytes = (signature: Signature) => Buffer.from(signature.image.slice(PNG_PREFIX.length), 'base64');

/** Each way to tamper with a signed file; `mutate` gets a fresh, fully signed example. */
const CASES: Record<string, (signed: Agreement) => Agreement> = {
  edited_text: (a) => ({ ...a, handoff: { ...a.handoff, owner: 'Someone else' } }),
  edited_number: (a) => ({ ...a, protocol: { ...a.protocol, firstContactBusinessHours: 72 } }),
  signer_removed_from_participants: (a) => ({ ...a, participants: a.participants.map((p, i) => (i === 0 ? { ...p, mustSign: false } : p)) }),
  id_changed: (a) => ({ ...a, meta: { ...a.meta, id: 'a-copy-with-a-new-id' } }),
  version_changed: (a) => ({ ...a, meta: { ...a.meta, version: 3 } }),
  amends_link_added: (a) => ({ ...a, meta: { ...a.meta, amendsId: 'some-other-agreement' } }),
  signatures_stripped: (a) => ({ ...a, signatures: [] }),
  marked_draft_with_signatures: (a) => ({ ...a, meta: { ...a.meta, status: 'draft' } }),
  signed_twice_by_one_signer: (a) => ({ ...a, signatures: [a.signatures[0] as Signature, { ...(a.signatures[0] as Signature), id: 'again' }] }),
  signature_by_a_bystander: (a) => ({
    ...a,
    signatures: [a.signatures[0] as Signature, { ...(a.signatures[1] as Signature), participantId: a.participants.find((p) => !p.mustSign)?.id ?? 'x' }],
  }),
  png_bad_crc: (a) =>
    withImage(a, (s) => {
      const bytes = pngBytes(s);
      bytes[bytes.length - 20] = (bytes[bytes.length - 20] ?? 0) ^ 0x01;
      return PNG_PREFIX + bytes.toString('base64');
    }),
  png_cut_short: (a) => withImage(a, (s) => PNG_PREFIX + pngBytes(s).subarray(0, 300).toString('base64')),
  png_script_after_end: (a) => withImage(a, (s) => PNG_PREFIX + Buffer.concat([pngBytes(s), Buffer.from('<script>alert(1)</script>')]).toString('base64')),
  png_too_wide: (a) => withImage(a, () => pngWith(4001, 10, deflateSync(Buffer.alloc((1 + 4001 * 4) * 10)))),
  png_decompression_bomb: (a) => withImage(a, () => pngWith(64, 64, deflateSync(Buffer.alloc(30_000_000), { level: 9 }))),
  png_is_a_jpeg: (a) => withImage(a, () => PNG_PREFIX + Buffer.from('ffd8ffe000104a464946000101', 'hex').toString('base64')),
};

function withImage(agreement: Agreement, image: (s: Signature) => string): Agreement {
  return { ...agreement, signatures: agreement.signatures.map((s, i) => (i === 1 ? { ...s, image: image(s) } : s)) };
}

/** The CLI with its default data folder in a throw-away place: never the user's own ~/.local/share. */
async function cli(args: string[], env: Record<string, string> = {}): Promise<number> {
  const dataDir = { SLA_WORKSHOP_DATA_DIR: tempDir('sla-tamper-data-') };
  return runCli(args, { stdout: () => undefined, stderr: () => undefined, env: { LANG: 'en_US.UTF-8', ...dataDir, ...env }, cwd: process.cwd() });
}

describe('signed files edited after signing are refused by every path, with nothing written', () => {
  let direct: HostUnderTest;
  let http: HostUnderTest;
  beforeAll(async () => {
    [direct, http] = await Promise.all([startHost('direct'), startHost('http')]);
  });
  afterAll(async () => {
    await Promise.all([direct.close(), http.close()]);
  });

  it('the untouched file goes through every path (the cases fail for their own reason)', async () => {
    const dir = tempDir('sla-tamper-ok-');
    const file = join(dir, 'signed.slaw');
    writeFileSync(file, serializeSlaw(signedExample('en'), 'test'));
    expect(await cli(['validate', file])).toBe(0);
    expect(await cli(['export', file, '-o', join(dir, 'signed.docx')])).toBe(0);
    expect(
      await cli(['export', file, '-o', join(dir, 'sealed.docx'), '--digital-signature', '--organization', 'Nortia', '--data-dir', join(dir, 'keys')], {
        SLA_WORKSHOP_KEY_PASSPHRASE: 'passphrase',
      }),
    ).toBe(0);
    expect(await cli(['import', file, '--data-dir', join(dir, 'data')])).toBe(0);
  });

  it.each(Object.keys(CASES))('%s', async (name) => {
    const dir = tempDir('sla-tamper-');
    const tampered = (CASES[name] as (a: Agreement) => Agreement)(signedExample('en'));
    const content = serializeSlaw(tampered, 'test');
    const file = join(dir, 'tampered.slaw');
    writeFileSync(file, content);
    const outcomes: Record<string, boolean> = {};

    for (const [via, host] of [
      ['import_direct', direct],
      ['import_http', http],
    ] as const) {
      const before = await host.client.call('agreements.list', {});
      const reply = (await host.raw('slaw.import', { content })) as Result<unknown>;
      outcomes[via] =
        !reply.ok && reply.error.kind === 'invalid_file' && JSON.stringify(await host.client.call('agreements.list', {})) === JSON.stringify(before);
    }
    const validate = await cli(['validate', file]);
    outcomes.cli_validate = validate === (name.startsWith('png_') ? 2 : 1);
    outcomes.cli_import = (await cli(['import', file, '--data-dir', join(dir, 'data')])) === 2 && !existsSync(join(dir, 'data'));
    outcomes.cli_export = (await cli(['export', file, '-o', join(dir, 'out.docx')])) === 2 && !existsSync(join(dir, 'out.docx'));
    const sealed = await cli(['export', file, '-o', join(dir, 'sealed.docx'), '--digital-signature', '--data-dir', join(dir, 'keys')], {
      SLA_WORKSHOP_KEY_PASSPHRASE: 'passphrase',
    });
    outcomes.cli_export_sealed = sealed === 2 && !existsSync(join(dir, 'sealed.docx')) && !existsSync(join(dir, 'keys'));

    const refused = Object.values(outcomes).filter(Boolean).length;
    tally.tries += Object.keys(outcomes).length;
    tally.refused += refused;
    figures[`${name}_refused`] = `${refused}/${Object.keys(outcomes).length}`;
    expect(outcomes, name).toEqual(Object.fromEntries(Object.keys(outcomes).map((k) => [k, true])));
  });

  it('a copy stored by an earlier version under a new id is neither signed further nor exported', async () => {
    const half = signedExample('en', { signed: 1 });
    const copy = { ...half, meta: { ...half.meta, id: 'copied-by-an-old-version' } };
    createAgreementsRepo(direct.core.db).insert(toRow(copy, 1));
    const signer = copy.participants.filter((p) => p.mustSign)[1]!;
    const sign = await direct.client.send('signing.sign', {
      id: copy.meta.id,
      revision: 1,
      participantId: signer.id,
      name: signer.name,
      jobTitle: signer.jobTitle,
      image: strokePngDataUrl(),
      consent: true,
      fingerprint: fingerprintOf(copy),
    });
    const exported = await direct.client.send('document.export', { id: copy.meta.id, digitalSignature: false });
    for (const reply of [sign, exported])
      expect(reply).toMatchObject({ ok: false, error: { kind: 'read_only', params: { reason: 'stored_signature_mismatch' } } });
    figures.old_copy_sign_refused = sign.ok ? 'accepted' : 'refused';
    figures.old_copy_export_refused = exported.ok ? 'accepted' : 'refused';
    expect((await direct.client.call('agreements.get', { id: copy.meta.id })).agreement.signatures).toHaveLength(1);
  });
});

describe('drafts cannot take over another agreement’s amendments', () => {
  let host: HostUnderTest;
  let victim: AgreementRecord;
  beforeAll(async () => {
    host = await startHost('http');
    victim = await host.client.call('agreements.create', { source: 'example', language: 'en' });
    for (const signer of victim.agreement.participants.filter((p) => p.mustSign)) {
      const input = {
        id: victim.agreement.meta.id,
        revision: victim.revision,
        participantId: signer.id,
        name: signer.name,
        jobTitle: signer.jobTitle,
        image: strokePngDataUrl(),
        consent: true as const,
        fingerprint: fingerprintOf(victim.agreement),
      };
      victim = (await host.client.call('signing.sign', input)).record;
    }
  });
  afterAll(async () => {
    await host.close();
  });

  /** The victim is still in force and amending it opens a draft of its own words. */
  async function victimUnharmed(hijackerId: string): Promise<boolean> {
    const stored = await host.client.call('agreements.get', { id: victim.agreement.meta.id });
    const amendment = await host.client.call('agreements.amend', { id: victim.agreement.meta.id });
    return stored.agreement.meta.status === 'signed' && amendment.id !== hijackerId;
  }
  async function tally1(name: string, neutralized: boolean): Promise<void> {
    tally.hijacks += 1;
    if (neutralized) tally.neutralized += 1;
    figures[`hijack_${name}`] = neutralized ? 'neutralized' : 'SUCCEEDED';
    expect(neutralized, name).toBe(true);
  }

  it('a save claiming the link', async () => {
    const draft = await host.client.call('agreements.create', { source: 'blank', language: 'en' });
    const meta = { ...draft.agreement.meta, amendsId: victim.agreement.meta.id, version: 2 };
    await host.client.call('agreements.save', { id: meta.id, revision: 1, agreement: { ...draft.agreement, meta } });
    const stored = await host.client.call('agreements.get', { id: meta.id });
    await tally1('save_amends_link', stored.agreement.meta.amendsId === null && stored.agreement.meta.version === 1 && (await victimUnharmed(meta.id)));
  });

  it('an imported draft claiming the link', async () => {
    const draft = await host.client.call('agreements.create', { source: 'blank', language: 'en' });
    const file = serializeSlaw(
      { ...draft.agreement, meta: { ...draft.agreement.meta, id: 'imported-hijacker', amendsId: victim.agreement.meta.id, version: 2 } },
      'test',
    );
    const imported = await host.client.call('slaw.import', { content: file });
    const stored = await host.client.call('agreements.get', { id: imported.summary.id });
    await tally1('import_draft_amends_link', stored.agreement.meta.amendsId === null && (await victimUnharmed(imported.summary.id)));
  });

  it('an imported half-signed version claiming the link, completed here', async () => {
    const base = await host.client.call('agreements.create', { source: 'example', language: 'en' });
    const content: Agreement = { ...base.agreement, meta: { ...base.agreement.meta, id: 'signed-hijacker', amendsId: victim.agreement.meta.id, version: 5 } };
    const [first, second] = content.participants.filter((p) => p.mustSign);
    const signature = {
      id: 's1',
      participantId: first!.id,
      name: first!.name,
      jobTitle: first!.jobTitle,
      signedAt: '2027-01-01T10:00:00+01:00',
      image: strokePngDataUrl(3),
      device: 'x',
      fingerprint: fingerprintOf(content, CANONICAL_VERSION),
      canonicalVersion: CANONICAL_VERSION,
    };
    const imported = await host.client.call('slaw.import', {
      content: serializeSlaw({ ...content, meta: { ...content.meta, status: 'signed' }, signatures: [signature] }, 'test'),
    });
    const afterImport = await victimUnharmed(imported.summary.id);
    const record = await host.client.call('agreements.get', { id: imported.summary.id });
    await host.client.call('signing.sign', {
      id: record.agreement.meta.id,
      revision: record.revision,
      participantId: second!.id,
      name: second!.name,
      jobTitle: second!.jobTitle,
      image: strokePngDataUrl(4),
      consent: true,
      fingerprint: fingerprintOf(record.agreement),
    });
    await tally1('import_signed_amends_link', afterImport && (await victimUnharmed(imported.summary.id)));
  });
});
