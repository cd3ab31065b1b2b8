import { describe, expect, it } from 'vitest';
import { actualsSchema } from '../actuals';
import { createExample } from '../example';
import { agreementSchema } from '../schema';
import { canonicalAgreementJson } from '../../signing/canonical';
import { m003, monthFromV2 } from './003-actuals-leave-the-agreement';
import { migrateModel } from './index';

const stages = [
  { id: 's-lead', key: 'lead' },
  { id: 's-mql', key: 'mql' },
  { id: 's-sql', key: 'sql' },
  { id: 's-demo', key: 'custom' },
  { id: 's-customer', key: 'customer' },
];
const v2Month = {
  month: '2026-02',
  leads: 300,
  mqls: 120,
  sqls: 60,
  opportunities: 22,
  customers: 9,
  revenue: 99000,
  medianHoursToFirstContact: 6,
  pctContactedWithinSla: 70,
};

/** The example as model version 2 stored it: actuals inside, signatures without a canonical version. */
function v2Agreement() {
  const example = createExample('en', new Date('2026-03-01T10:00:00Z'));
  const signature = {
    id: 'sig',
    participantId: example.participants[0]!.id,
    name: 'L',
    jobTitle: 'J',
    signedAt: '2026-03-01T10:00:00+01:00',
    image: 'data:image/png;base64,AAAA',
    device: 'd',
    fingerprint: 'a'.repeat(64),
  };
  const [lead, , , opportunity] = example.lifecycle.stages;
  const actuals = [{ ...v2Month, month: '2026-01', leads: 480 }];
  return { v2: { ...example, meta: { ...example.meta, status: 'signed' }, actuals, signatures: [signature] }, lead: lead!, opportunity: opportunity! };
}

describe('model migration 3 (actuals leave the agreement)', () => {
  it('keys each fixed field by the id of the first stage with its key', () => {
    const month = monthFromV2(v2Month, stages);
    expect(month).toEqual({
      month: '2026-02',
      stages: [
        { stageId: 's-lead', count: 300 },
        { stageId: 's-mql', count: 120 },
        { stageId: 's-sql', count: 60 },
        { stageId: 's-customer', count: 9 },
      ],
      // No stage has the key "opportunity": the figure is kept under its key, not dropped.
      unmatchedStages: [{ key: 'opportunity', count: 22 }],
      revenue: 99000,
      medianHoursToFirstContact: 6,
      pctContactedWithinSla: 70,
      rejected: null,
    });
    // A version-3 month, valid once the later steps have run.
    expect(actualsSchema.parse(migrateModel({ agreement: null, actuals: [month] }, 3).actuals)).toMatchObject([month]);
  });

  it('keeps a stage that exists even with no figure, and drops nothing but empty fixed fields with no stage', () => {
    const month = monthFromV2({ ...v2Month, leads: null, opportunities: null }, stages);
    expect(month.stages).toContainEqual({ stageId: 's-lead', count: null });
    expect(month.unmatchedStages).toEqual([]);
  });

  it('leaves unknown fields in a month so the strict schema names them', () => {
    const month = monthFromV2({ ...v2Month, secret: 1 }, stages);
    expect(month.secret).toBe(1);
    expect(actualsSchema.safeParse([month]).success).toBe(false);
  });

  it('takes actuals out of the agreement, records canonical version 1 on signatures, and keeps the fingerprint', () => {
    const { v2, lead, opportunity } = v2Agreement();
    const { agreement, actuals } = m003.agreement(structuredClone(v2));
    const parsed = agreementSchema.parse(agreement);
    expect('actuals' in parsed).toBe(false);
    expect(parsed.signatures.map((s) => s.canonicalVersion)).toEqual([1]);
    expect(actuals).toEqual([
      expect.objectContaining({
        month: '2026-01',
        stages: expect.arrayContaining([
          { stageId: lead.id, count: 480 },
          { stageId: opportunity.id, count: 22 },
        ]),
      }),
    ]);
    // What a signature covers does not change: the version-2 data and the migrated data hash alike.
    expect(canonicalAgreementJson(parsed, 1)).toBe(canonicalAgreementJson(v2 as unknown as typeof parsed, 1));
  });

  it('gives an agreement without actuals none, and hands on a malformed actuals value for the schema to refuse', () => {
    const { v2 } = v2Agreement();
    const { actuals: _a, ...none } = v2;
    expect(m003.agreement(none).actuals).toEqual([]);
    const broken = m003.agreement({ ...v2, actuals: 'lots' });
    expect(actualsSchema.safeParse(broken.actuals).success).toBe(false);
  });

  it('keeps a canonical version a signature already records', () => {
    const { v2 } = v2Agreement();
    const out = m003.agreement({ ...v2, signatures: [{ ...v2.signatures[0], canonicalVersion: 7 }] }).agreement as {
      signatures: { canonicalVersion: number }[];
    };
    expect(out.signatures[0]?.canonicalVersion).toBe(7);
  });
});
