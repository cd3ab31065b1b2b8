import { describe, expect, it } from 'vitest';
import { signedExample } from '../../../test/support/signedExample';
import { createExample } from '../../shared/model/example';
import { MODEL_VERSION } from '../../shared/model/version';
import { checkStoredAgreement } from './storedRows';

const bytes = (value: unknown) => Buffer.from(JSON.stringify(value));

describe('checking a stored agreement from its bytes', () => {
  it('accepts a valid draft and a signed version whose content still matches its signatures', () => {
    const draft = createExample('en');
    expect(checkStoredAgreement(bytes(draft), draft.meta.id)).toMatchObject({ ok: true });
    const signed = signedExample('es');
    expect(checkStoredAgreement(bytes(signed), signed.meta.id)).toMatchObject({ ok: true, agreement: { meta: { status: 'signed' } } });
  });

  it('names what is wrong: invalid UTF-8 (never silently replaced), broken JSON, the model, another id, signed content changed', () => {
    const draft = createExample('en');
    const text = bytes(draft);
    // One byte of the company name replaced by 0xFF: JSON.parse of a lenient decoding would accept it.
    const at = text.indexOf(Buffer.from(draft.meta.company));
    const notUtf8 = Buffer.from(text);
    notUtf8[at] = 0xff;
    expect(checkStoredAgreement(notUtf8)).toEqual({ ok: false, problem: 'not_utf8' });
    const notJson = Buffer.from(text);
    notJson[at] = 0x22; // a quote in the middle of a string
    expect(checkStoredAgreement(notJson)).toEqual({ ok: false, problem: 'not_json' });
    expect(checkStoredAgreement(bytes({ ...draft, goals: 'nothing' }))).toEqual({ ok: false, problem: 'schema' });
    expect(checkStoredAgreement(text, 'another-id')).toEqual({ ok: false, problem: 'schema' });

    const signed = signedExample('en');
    const edited = { ...signed, meta: { ...signed.meta, company: `${signed.meta.company} Ltd` } };
    expect(checkStoredAgreement(bytes(edited))).toEqual({ ok: false, problem: 'fingerprint' });
    expect(checkStoredAgreement(bytes({ ...signed, meta: { ...signed.meta, status: 'draft' } }))).toEqual({ ok: false, problem: 'fingerprint' });
    expect(checkStoredAgreement(bytes({ ...draft, meta: { ...draft.meta, status: 'signed' } }))).toEqual({ ok: false, problem: 'fingerprint' });
  });

  it('reads a row of an older model version through the migrations, and calls a newer one newer, not damaged', () => {
    const draft = createExample('en');
    // Model version 2 kept the monthly actuals inside the agreement, with fixed stage fields.
    const leadStage = draft.lifecycle.stages.find((s) => s.key === 'lead')!;
    const v2 = {
      ...draft,
      actuals: [
        {
          month: '2027-01',
          leads: 40,
          mqls: null,
          sqls: null,
          opportunities: null,
          customers: null,
          revenue: null,
          medianHoursToFirstContact: null,
          pctContactedWithinSla: null,
        },
      ],
    };
    expect(checkStoredAgreement(bytes(v2), draft.meta.id)).toEqual({ ok: false, problem: 'schema' });
    const old = checkStoredAgreement(bytes(v2), draft.meta.id, 2);
    expect(old).toMatchObject({ ok: true, agreement: draft });
    if (!old.ok) throw new Error('unreachable');
    expect(old.actuals[0]?.stages).toContainEqual({ stageId: leadStage.id, count: 40 });
    expect(checkStoredAgreement(bytes(draft), draft.meta.id, MODEL_VERSION + 1)).toEqual({ ok: false, problem: 'newer_model' });
  });
});
