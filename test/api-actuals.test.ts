import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AgreementRecord } from '../src/shared/api/contract';
import { createTranslator, describeError } from '../src/shared/i18n';
import { emptyMonth } from '../src/shared/actuals/store';
import type { MonthlyActuals } from '../src/shared/model/actuals';
import { MODEL_VERSION } from '../src/shared/model/version';
import { verifyDocx } from '../src/main/core/document';
import { fingerprintOf } from '../src/main/core/signing/fingerprint';
import { HOST_KINDS, startHost, type HostUnderTest } from './support/hosts';
import { signAll as signAllWith } from './support/signAll';

const month = (m: string, stages: [string, number | null][], extra: Partial<MonthlyActuals> = {}): MonthlyActuals => ({
  ...emptyMonth(m),
  stages: stages.map(([stageId, count]) => ({ stageId, count })),
  ...extra,
});

/** Monthly actuals live beside the agreement, per lineage, with their own revision — through every host. */
describe.each(HOST_KINDS)('monthly actuals through the %s host', (kind) => {
  let host: HostUnderTest;
  beforeEach(async () => {
    host = await startHost(kind);
  });
  afterEach(async () => {
    await host.close();
  });

  const signAll = (record: AgreementRecord) => signAllWith(host.client, record);

  it('start empty, save with their own revision, come back in calendar order and refuse a stale save', async () => {
    const { agreement } = await host.client.call('agreements.create', { source: 'example', language: 'en' });
    const id = agreement.meta.id;
    const [lead, , , , customer] = agreement.lifecycle.stages;
    expect(await host.client.call('actuals.get', { id })).toEqual({ lineageId: id, revision: 0, months: [] });
    const months = [
      month('2026-02', [[lead!.id, 510]], { revenue: 120_000, rejected: 12 }),
      month(
        '2026-01',
        [
          [lead!.id, 480],
          [customer!.id, 14],
        ],
        { pctContactedWithinSla: 88.5 },
      ),
    ];
    const saved = await host.client.call('actuals.save', { id, revision: 0, months });
    expect(saved).toEqual({ lineageId: id, revision: 1, months: [months[1], months[0]] });
    expect(await host.client.call('actuals.get', { id })).toEqual(saved);
    // The agreement itself did not move: actuals have their own revision.
    expect((await host.client.call('agreements.get', { id })).revision).toBe(1);
    const stale = await host.client.send('actuals.save', { id, revision: 0, months: [] });
    expect(stale).toMatchObject({ ok: false, error: { kind: 'stale_revision', params: { current: 1, given: 0 } } });
    expect(await host.client.call('actuals.save', { id, revision: 1, months: [] })).toMatchObject({ revision: 2, months: [] });
  });

  it('may be saved on a signed version without touching it: same row, same fingerprint, the document still verifies', async () => {
    const created = await host.client.call('agreements.create', { source: 'example', language: 'es' });
    const signed = await signAll(created);
    const id = signed.agreement.meta.id;
    const fingerprint = signed.agreement.signatures[0]!.fingerprint;
    const saved = await host.client.call('actuals.save', { id, revision: 0, months: [month('2026-04', [[signed.agreement.lifecycle.stages[0]!.id, 321]])] });
    expect(saved.revision).toBe(1);
    const after = await host.client.call('agreements.get', { id });
    expect(after).toEqual(signed);
    expect(fingerprintOf(after.agreement)).toBe(fingerprint);
    const docx = await host.client.call('document.export', { id, digitalSignature: false });
    expect(await verifyDocx(Buffer.from(docx.base64, 'base64'))).toMatchObject({ status: 'match', fingerprint });
  });

  it('are shared by every version of one agreement (amendments, superseded ones); a duplicate starts its own', async () => {
    const signed = await signAll(await host.client.call('agreements.create', { source: 'example', language: 'en' }));
    const base = signed.agreement.meta.id;
    const saved = await host.client.call('actuals.save', { id: base, revision: 0, months: [month('2026-01', [])] });
    const amendment = await host.client.call('agreements.amend', { id: base });
    expect(await host.client.call('actuals.get', { id: amendment.id })).toEqual(saved);
    const fromAmendment = await host.client.call('actuals.save', { id: amendment.id, revision: 1, months: [month('2026-01', []), month('2026-02', [])] });
    expect(fromAmendment.lineageId).toBe(base);
    await signAll(await host.client.call('agreements.get', { id: amendment.id }));
    expect((await host.client.call('agreements.get', { id: base })).agreement.meta.status).toBe('superseded');
    expect(await host.client.call('actuals.get', { id: base })).toEqual(fromAmendment);
    expect(await host.client.call('actuals.save', { id: base, revision: 2, months: [] })).toMatchObject({ lineageId: base, revision: 3 });

    const copy = await host.client.call('agreements.duplicate', { id: base });
    expect(await host.client.call('actuals.get', { id: copy.id })).toEqual({ lineageId: copy.id, revision: 0, months: [] });
  });

  it('refuse malformed months, naming the field, and changing nothing', async () => {
    const { agreement } = await host.client.call('agreements.create', { source: 'blank', language: 'en' });
    const id = agreement.meta.id;
    const bad: [unknown, string][] = [
      [[month('2026-01', []), month('2026-01', [])], 'months.1'],
      [[month('2026-13', [])], 'months.0.month'],
      [
        [
          month('2026-01', [
            ['s', 1],
            ['s', 2],
          ]),
        ],
        'months.0.stages.1',
      ],
      [[{ ...month('2026-01', []), pctContactedWithinSla: 140 }], 'months.0.pctContactedWithinSla'],
      [[{ ...month('2026-01', []), revenue: -1 }], 'months.0.revenue'],
      [[{ ...month('2026-01', []), leads: 5 }], 'months.0'],
      [[{ ...month('2026-01', []), unmatchedStages: [{ key: 'custom', count: 1 }] }], 'months.0.unmatchedStages.0.key'],
    ];
    for (const [months, path] of bad) {
      const reply = await host.raw('actuals.save', { id, revision: 0, months });
      expect(reply, path).toMatchObject({ ok: false, error: { kind: 'invalid_input', issues: [expect.objectContaining({ path })] } });
    }
    expect(await host.client.call('actuals.get', { id })).toMatchObject({ revision: 0, months: [] });
  });

  it('belong to live versions only, and go with the last version of their agreement when it is purged', async () => {
    const { agreement } = await host.client.call('agreements.create', { source: 'example', language: 'en' });
    const id = agreement.meta.id;
    await host.client.call('actuals.save', { id, revision: 0, months: [month('2026-01', [])] });
    await host.client.call('agreements.trash', { id });
    expect(await host.client.send('actuals.get', { id })).toMatchObject({ ok: false, error: { kind: 'not_found' } });
    expect(await host.client.send('actuals.save', { id, revision: 1, months: [] })).toMatchObject({ ok: false, error: { kind: 'not_found' } });
    await host.client.call('agreements.restore', { id });
    expect((await host.client.call('actuals.get', { id })).months).toHaveLength(1);
    await host.client.call('agreements.trash', { id });
    await host.client.call('agreements.purge', { id });
    expect(host.core.db.prepare('SELECT count(*) AS n FROM actuals_lineages').get()).toEqual({ n: 0 });
    expect(host.core.db.prepare('SELECT count(*) AS n FROM actuals').get()).toEqual({ n: 0 });
  });

  it('travel in .slaw files beside the agreement, and an import merges by month: the file wins for the months it has', async () => {
    const signed = await signAll(await host.client.call('agreements.create', { source: 'example', language: 'en' }));
    const id = signed.agreement.meta.id;
    const lead = signed.agreement.lifecycle.stages[0]!.id;
    await host.client.call('actuals.save', { id, revision: 0, months: [month('2026-01', [[lead, 100]]), month('2026-02', [[lead, 200]])] });
    const exported = await host.client.call('slaw.export', { id });
    const file = JSON.parse(exported.content) as { actuals: MonthlyActuals[]; agreement: { actuals?: unknown } };
    expect(file.actuals.map((m) => m.month)).toEqual(['2026-01', '2026-02']);
    expect('actuals' in file.agreement).toBe(false);

    // Elsewhere, February was corrected and March added; January is not in that file.
    const elsewhere = { ...file, actuals: [month('2026-02', [[lead, 222]]), month('2026-03', [[lead, 300]])] };
    const merged = await host.client.call('slaw.import', { content: JSON.stringify(elsewhere) });
    expect(merged.outcome).toBe('already_present');
    const after = await host.client.call('actuals.get', { id });
    expect(after.months.map((m) => [m.month, m.stages[0]?.count])).toEqual([
      ['2026-01', 100],
      ['2026-02', 222],
      ['2026-03', 300],
    ]);
    expect(after.revision).toBe(2);
    // The same file again changes nothing, not even the revision.
    await host.client.call('slaw.import', { content: JSON.stringify(elsewhere) });
    expect((await host.client.call('actuals.get', { id })).revision).toBe(2);

    // A draft copy of the file starts its own lineage with the file's months.
    const draft = await host.client.call('agreements.create', { source: 'blank', language: 'en' });
    const draftFile = JSON.parse((await host.client.call('slaw.export', { id: draft.agreement.meta.id })).content) as object;
    const copy = await host.client.call('slaw.import', { content: JSON.stringify({ ...draftFile, actuals: [month('2026-05', [])] }) });
    expect(copy.outcome).toBe('new_id');
    expect(await host.client.call('actuals.get', { id: copy.summary.id })).toMatchObject({
      lineageId: copy.summary.id,
      revision: 1,
      months: [expect.objectContaining({ month: '2026-05' })],
    });
    expect((await host.client.call('actuals.get', { id: draft.agreement.meta.id })).months).toEqual([]);
  });

  it('a signed amendment imported before its base joins the base’s lineage, and so do versions waiting for it', async () => {
    const v1 = await signAll(await host.client.call('agreements.create', { source: 'example', language: 'en' }));
    const a2 = await host.client.call('agreements.amend', { id: v1.agreement.meta.id });
    const v2 = await signAll(await host.client.call('agreements.get', { id: a2.id }));
    const a3 = await host.client.call('agreements.amend', { id: v2.agreement.meta.id });
    const v3 = await signAll(await host.client.call('agreements.get', { id: a3.id }));
    await host.client.call('actuals.save', { id: v3.agreement.meta.id, revision: 0, months: [month('2026-01', [])] });
    const exported = await Promise.all([v1, v2, v3].map((v) => host.client.call('slaw.export', { id: v.agreement.meta.id })));
    // Only version 3's file carries the months, so they must follow it into the lineage.
    const files = exported.map((f, i) => (i === 2 ? f : { ...f, content: JSON.stringify({ ...(JSON.parse(f.content) as object), actuals: [] }) }));

    const there = await startHost('direct');
    try {
      // Version 3 arrives first (its base, version 2, is not there), then version 1, then version 2.
      for (const i of [2, 0, 1]) await there.client.call('slaw.import', { content: files[i]!.content });
      const lineages = await Promise.all([v1, v2, v3].map((v) => there.client.call('actuals.get', { id: v.agreement.meta.id })));
      expect(lineages.map((l) => l.lineageId)).toEqual([v1.agreement.meta.id, v1.agreement.meta.id, v1.agreement.meta.id]);
      expect(lineages[0]?.months.map((m) => m.month)).toEqual(['2026-01']);
    } finally {
      await there.close();
    }
  });

  it('refuse a version or months stored by a newer model, clearly, and never write over them', async () => {
    const { agreement, revision } = await host.client.call('agreements.create', { source: 'example', language: 'en' });
    const id = agreement.meta.id;
    await host.client.call('actuals.save', { id, revision: 0, months: [month('2026-01', [])] });
    host.core.db.prepare('UPDATE actuals_lineages SET model_version = ?').run(MODEL_VERSION + 1);
    const months = await host.client.send('actuals.get', { id });
    expect(months).toMatchObject({
      ok: false,
      error: { kind: 'unsupported_version', params: { reason: 'newer_actuals', found: MODEL_VERSION + 1, supported: MODEL_VERSION } },
    });
    expect(await host.client.send('actuals.save', { id, revision: 1, months: [] })).toMatchObject({ ok: false, error: { kind: 'unsupported_version' } });

    host.core.db.prepare('UPDATE agreements SET model_version = ? WHERE id = ?').run(MODEL_VERSION + 1, id);
    const before = host.core.db.prepare('SELECT * FROM agreements WHERE id = ?').get(id);
    const read = await host.client.send('agreements.get', { id });
    expect(read).toMatchObject({ ok: false, error: { kind: 'unsupported_version', params: { reason: 'newer_agreement', title: agreement.meta.title } } });
    if (read.ok) throw new Error('expected a refusal');
    expect(describeError(createTranslator('en'), read.error)).toBe(
      `“${agreement.meta.title}” was saved by a newer version of SLA Workshop (model ${MODEL_VERSION + 1}; this version knows up to ${MODEL_VERSION}). Update the app to open it; it was left unchanged.`,
    );
    expect(describeError(createTranslator('es'), read.error)).toMatch(/^«.+» se guardó con una versión más reciente de SLA Workshop/);
    for (const [op, input] of [
      ['agreements.save', { id, revision, agreement }],
      ['agreements.rename', { id, title: 'Over it' }],
      ['agreements.trash', { id }],
      ['agreements.duplicate', { id }],
      ['slaw.export', { id }],
    ] as const) {
      expect(await host.raw(op, input), op).toMatchObject({ ok: false, error: { kind: 'unsupported_version' } });
    }
    expect(host.core.db.prepare('SELECT * FROM agreements WHERE id = ?').get(id)).toEqual(before);
  });
});
