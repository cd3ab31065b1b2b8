import { describe, expect, it } from 'vitest';
import { signedExample } from '../../../../test/support/signedExample';
import { AppError } from '../../../shared/api/errors';
import { createTranslator, describeError } from '../../../shared/i18n';
import type { Agreement } from '../../../shared/model/schema';
import { assertFileSignaturesIntact, assertStoredSignaturesIntact, badSignatureImage, signatureProblem } from './integrity';

const thrown = (fn: () => void): AppError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('nothing thrown');
};

describe('whether a version is still what was signed', () => {
  const signed = signedExample('en');

  it('finds nothing wrong with a signed version, a partly signed one or a draft', () => {
    expect(signatureProblem(signed)).toBeNull();
    expect(signatureProblem(signedExample('es', { signed: 1 }))).toBeNull();
    expect(signatureProblem(signedExample('en', { signed: 0 }))).toBeNull();
    expect(badSignatureImage(signed)).toBeNull();
  });

  it('names each way a file can be edited after signing', () => {
    const [first, second] = signed.signatures as [Agreement['signatures'][number], Agreement['signatures'][number]];
    const bystander = signed.participants.find((p) => !p.mustSign);
    const cases: [string, Agreement, string][] = [
      ['a changed word', { ...signed, handoff: { ...signed.handoff, owner: 'Someone else' } }, 'content_changed'],
      ['a changed id', { ...signed, meta: { ...signed.meta, id: 'another-id' } }, 'content_changed'],
      ['a changed version number', { ...signed, meta: { ...signed.meta, version: 2 } }, 'content_changed'],
      ['a new link to another version', { ...signed, meta: { ...signed.meta, amendsId: 'other' } }, 'content_changed'],
      ['signed, with the signatures removed', { ...signed, signatures: [] }, 'status'],
      ['a draft that carries signatures', { ...signed, meta: { ...signed.meta, status: 'draft' } }, 'status'],
      ['a signature by a bystander', { ...signed, signatures: [first, { ...second, participantId: bystander?.id ?? 'x' }] }, 'not_signer'],
      ['the same signer twice', { ...signed, signatures: [first, { ...first, id: 'again' }] }, 'signed_twice'],
    ];
    for (const [name, agreement, problem] of cases) expect(signatureProblem(agreement), name).toBe(problem);
  });

  it('ignores what a signature does not cover: status between signed and superseded, notes, agenda, actuals', () => {
    const notes = { ...signed.notes, icp: 'Private note' };
    expect(signatureProblem({ ...signed, notes, meta: { ...signed.meta, status: 'superseded', updatedAt: '2030-01-01T00:00:00.000Z' } })).toBeNull();
  });

  it('refuses a file edited after signing, naming its title and version in both languages', () => {
    const error = thrown(() => assertFileSignaturesIntact({ ...signed, handoff: { ...signed.handoff, owner: 'X' } }));
    expect(error).toMatchObject({ kind: 'invalid_file', params: { reason: 'signature_mismatch', title: signed.meta.title, version: 1 } });
    expect(describeError(createTranslator('en'), error.toJSON())).toBe(
      `“${signed.meta.title}”, version 1, was changed after it was signed: its content no longer matches the recorded signatures.`,
    );
    expect(describeError(createTranslator('es'), error.toJSON())).toMatch(/^«.+», versión 1, se modificó después de firmarse/);
  });

  it('refuses a file whose drawn signature is not a whole PNG, naming the signer', () => {
    const [first, second] = signed.signatures as [Agreement['signatures'][number], Agreement['signatures'][number]];
    // The image is not part of the fingerprint: only the PNG check can catch a damaged one.
    const cut = { ...second, image: second.image.slice(0, 200) };
    const damaged = { ...signed, signatures: [first, cut] };
    expect(signatureProblem(damaged)).toBeNull();
    expect(badSignatureImage(damaged)).toBe(cut);
    const error = thrown(() => assertFileSignaturesIntact(damaged));
    expect(error).toMatchObject({ kind: 'invalid_file', params: { reason: 'signature_image_unreadable', name: second.name } });
    expect(describeError(createTranslator('es'), error.toJSON())).toContain(`La firma dibujada de ${second.name}`);
  });

  it('refuses to sign or export a stored version that no longer matches its signatures', () => {
    expect(() => assertStoredSignaturesIntact(signed)).not.toThrow();
    const copy = { ...signed, meta: { ...signed.meta, id: 'copied-under-a-new-id' } };
    expect(thrown(() => assertStoredSignaturesIntact(copy))).toMatchObject({ kind: 'read_only', params: { reason: 'stored_signature_mismatch', version: 1 } });
  });
});
