import { describe, expect, it } from 'vitest';
import { bytesToBase64, certificateName, nameAttributes, readCertificateFile } from './certificateFile';
import { checkImportForm, checkKeyForm, firstProblem, importProblemField, keyAnswer, MAX_CERTIFICATE_BYTES } from './signingKeyForm';

const create = { mode: 'create', passphrase: true } as const;
const unlock = { mode: 'unlock', passphrase: true } as const;

describe('the signing-key form', () => {
  it('needs an organization of 1 to 64 characters and a new passphrase typed twice the same way', () => {
    expect(checkKeyForm(create, { organization: '  ', passphrase: '', confirm: '' })).toEqual({ organization: { key: 'required' }, passphrase: { key: 'required' }, confirm: { key: 'required' } });
    expect(checkKeyForm(create, { organization: 'x'.repeat(65), passphrase: 'short', confirm: 'shorter' })).toEqual({
      organization: { key: 'tooLong', max: 64 },
      passphrase: { key: 'tooShort', min: 8 },
      confirm: { key: 'mismatch' },
    });
    expect(checkKeyForm(create, { organization: 'Nortia Analytics', passphrase: 'correct horse', confirm: 'correct horse' })).toEqual({});
  });

  it('asks no passphrase where the keychain keeps the key, and only the passphrase to unlock one', () => {
    expect(checkKeyForm({ mode: 'create', passphrase: false }, { organization: 'Nortia', passphrase: '', confirm: '' })).toEqual({});
    expect(checkKeyForm(unlock, { organization: '', passphrase: '', confirm: '' })).toEqual({ passphrase: { key: 'required' } });
    // An existing passphrase is whatever it was: no length rule, no confirmation.
    expect(checkKeyForm(unlock, { organization: '', passphrase: 'pp', confirm: '' })).toEqual({});
  });

  it('sends the organization as the certificate will carry it, and the passphrase untouched', () => {
    expect(keyAnswer(create, { organization: '  Nortia   Analytics ', passphrase: ' with spaces ', confirm: '' })).toEqual({ organization: 'Nortia Analytics', passphrase: ' with spaces ' });
    expect(keyAnswer(unlock, { organization: 'ignored', passphrase: 'pp', confirm: '' })).toEqual({ passphrase: 'pp' });
    expect(keyAnswer({ mode: 'create', passphrase: false }, { organization: 'Nortia', passphrase: 'ignored', confirm: '' })).toEqual({ organization: 'Nortia' });
  });

  it('puts the cursor on the first field with a problem, in the order shown', () => {
    expect(firstProblem(['organization', 'passphrase', 'confirm'], { confirm: 1, passphrase: 1 })).toBe('passphrase');
    expect(firstProblem(['organization', 'passphrase'], {})).toBeNull();
  });
});

describe('importing an organization certificate', () => {
  it('needs a file under the size the host accepts; the file’s password may be empty', () => {
    expect(checkImportForm({ file: null, password: '', passphrase: '', confirm: '' }, false)).toEqual({ file: { key: 'required' } });
    expect(checkImportForm({ file: { size: MAX_CERTIFICATE_BYTES + 1 }, password: '', passphrase: '', confirm: '' }, false)).toEqual({ file: { key: 'tooLong', max: MAX_CERTIFICATE_BYTES } });
    expect(checkImportForm({ file: { size: 3000 }, password: '', passphrase: '', confirm: '' }, false)).toEqual({});
    expect(checkImportForm({ file: { size: 3000 }, password: 'x', passphrase: 'long enough', confirm: 'long enouhg' }, true)).toEqual({ confirm: { key: 'mismatch' } });
  });

  it('fits in the contract once in base64', () => {
    expect(Math.ceil(MAX_CERTIFICATE_BYTES / 3) * 4).toBeLessThanOrEqual(10_000_000);
  });

  it('shows a refusal under the field it is about', () => {
    const refused = (reason: string) => ({ kind: 'invalid_file' as const, message: '', params: { reason } });
    expect(importProblemField(refused('p12_wrong_password'))).toBe('password');
    for (const reason of ['p12_unreadable', 'p12_no_key', 'p12_no_certificate', 'certificate_expired', 'certificate_not_yet_valid']) expect(importProblemField(refused(reason))).toBe('file');
    expect(importProblemField({ kind: 'storage', message: '' })).toBe('form');
  });

  it('reads the chosen file as base64, refusing empty and oversized files before reading them', async () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 7) % 256);
    const read = await readCertificateFile(new Blob([bytes]));
    expect(read.ok && Uint8Array.from(atob(read.base64), (c) => c.charCodeAt(0))).toEqual(bytes);
    expect(await readCertificateFile(new Blob([]))).toEqual({ ok: false, problem: 'empty' });
    const huge = { size: MAX_CERTIFICATE_BYTES + 1, arrayBuffer: () => Promise.reject(new Error('must not be read')) } as unknown as Blob;
    expect(await readCertificateFile(huge)).toEqual({ ok: false, problem: 'tooLarge' });
    expect(bytesToBase64(new Uint8Array([0xff, 0x00, 0x80]))).toBe('/wCA');
  });
});

describe('the name of a certificate', () => {
  it('is its common name, with RFC 4514 escapes undone', () => {
    expect(certificateName('CN=Nortia Analytics, O=Nortia Analytics')).toBe('Nortia Analytics');
    expect(certificateName('CN=Acme\\, Inc., O=Acme, C=ES')).toBe('Acme, Inc.');
    expect(certificateName('CN=Compa\\C3\\B1\\C3\\ADa, O=X')).toBe('Compañía');
    // As the host prints it (node:crypto's X509Certificate, RFC 2253 escapes).
    expect(certificateName('CN=Nortia Analítica\\, S.L. \\+ \\"x\\", O=Nortia Analítica\\, S.L. \\+ \\"x\\"')).toBe('Nortia Analítica, S.L. + "x"');
    expect(certificateName('O=Only Org, C=ES')).toBe('Only Org');
    expect(certificateName('weird')).toBe('weird');
    expect(nameAttributes('CN=a+SERIALNUMBER=1, O=b').map((a) => a.type)).toEqual(['CN', 'SERIALNUMBER', 'O']);
  });
});
