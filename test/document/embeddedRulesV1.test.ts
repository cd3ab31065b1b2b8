import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyDocx } from '../../src/main/core/document';
import { readerVisibleTampering, rezip } from '../support/docxTamper';

/**
 * Documents exported before the embedded record was versioned (test/fixtures/make-v1-docx.ts, run at main
 * 0e1586f) must keep verifying for years, under the rules they were written with: v1 digests the body, the
 * headers, the footers and the pictures, and records nothing about the seal.
 */
const fixture = (name: string) => readFileSync(join(import.meta.dirname, '..', 'fixtures', name));
const unsealed = fixture('v1-signed.docx');
const sealed = fixture('v1-signed-sealed.docx');

describe('a document exported under rules v1', () => {
  it('still verifies, and says which rules it was checked under', async () => {
    expect(await verifyDocx(unsealed)).toMatchObject({
      status: 'match',
      rules: 1,
      problems: [],
      title: 'Marketing–Sales SLA 2027',
      version: 1,
      seal: { status: 'none' },
    });
    expect(await verifyDocx(sealed)).toMatchObject({
      status: 'match',
      rules: 1,
      problems: [],
      seal: { status: 'valid', subject: 'CN=Fixture Org v1, O=Fixture Org v1' },
    });
  });

  it('still catches an edit of a part v1 covered: the body, a header, a drawn signature', async () => {
    const body = await rezip(unsealed, readerVisibleTampering.body_text_changed);
    expect(await verifyDocx(body)).toMatchObject({ status: 'mismatch', problems: [{ kind: 'document_modified', part: 'word/document.xml' }] });
    const header = await rezip(unsealed, async (zip) => {
      const xml = (await zip.file('word/header1.xml')?.async('string')) ?? '';
      zip.file('word/header1.xml', xml.replace('</w:hdr>', '<w:p><w:r><w:t>Approved</w:t></w:r></w:p></w:hdr>'));
    });
    expect(await verifyDocx(header)).toMatchObject({ status: 'mismatch', problems: [{ kind: 'document_modified', part: 'word/header1.xml' }] });
    const picture = await rezip(
      sealed,
      (zip) => void zip.file('word/media/image1.png', readFileSync(join(import.meta.dirname, '..', 'fixtures', 'v1-signed.docx')).subarray(0, 64)),
    );
    expect(await verifyDocx(picture)).toMatchObject({
      status: 'mismatch',
      problems: expect.arrayContaining([{ kind: 'signature_image_changed', name: 'Laura Méndez' }, { kind: 'seal_invalid' }]),
    });
  });

  it('keeps v1’s limits: a style edit passes its digests, and only its seal, when it has one, catches it', async () => {
    // Recorded here so the difference between the rules stays visible (docs/FORMAT.md): v1 did not digest
    // styles.xml. A sealed v1 document is still protected by its package signature.
    expect(await verifyDocx(await rezip(unsealed, readerVisibleTampering.styles_hide_all_text))).toMatchObject({ status: 'match', rules: 1 });
    expect(await verifyDocx(await rezip(sealed, readerVisibleTampering.styles_hide_all_text))).toMatchObject({
      status: 'mismatch',
      problems: [{ kind: 'seal_invalid' }],
    });
  });
});
