import { describe, expect, it } from 'vitest';
import { bytesToBase64, certificateName, nameAttributes, readCertificateFile } from './certificateFile';
import {
  checkCreateForm,
  checkImportForm,
  cleanOrganization,
  firstProblem,
  importProblemField,
  MAX_CERTIFICATE_BYTES,
  passphraseNeed,
  passphraseProblems,
} from './signingKeyForm';

describe('the signing-key forms', () => {
  it('ask for a passphrase only where one protects the keys and it is not open yet', () => {
    expect(passphraseNeed({ protection: 'safeStorage', unlocked: true, passphraseSet: false })).toBe('none');
    expect(passphraseNeed({ protection: 'passphrase', unlocked: true, passphraseSet: true })).toBe('none');
    expect(passphraseNeed({ protection: 'passphrase', unlocked: false, passphraseSet: true })).toBe('current');
    expect(passphraseNeed({ protection: 'passphrase', unlocked: false, passphraseSet: false })).toBe('new');
  });

  it('need an organization of 1 to 64 characters and a new passphrase typed twice the same way', () => {
    expect(checkCreateForm('new', { organization: '  ', passphrase: '', confirm: '' })).toEqual({
      organization: { key: 'required' },
      passphrase: { key: 'required' },
      confirm: { key: 'required' },
    });
    expect(checkCreateForm('new', { organization: 'x'.repeat(65), passphrase: 'short', confirm: 'shorter' })).toEqual({
      organization: { key: 'tooLong', max: 64 },
      passphrase: { key: 'tooShort', min: 8 },
      confirm: { key: 'mismatch' },
    });
    expect(checkCreateForm('new', { organization: 'Nortia Analytics', passphrase: 'correct horse', confirm: 'correct horse' })).toEqual({});
    expect(checkCreateForm('none', { organization: 'Nortia\u0007', passphrase: '', confirm: '' })).toEqual({ organization: { key: 'control' } });
  });

  it('take the current passphrase as it is: no length rule, no confirmation', () => {
    expect(checkCreateForm('current', { organization: 'Nortia', passphrase: '', confirm: '' })).toEqual({ passphrase: { key: 'required' } });
    expect(checkCreateForm('current', { organization: 'Nortia', passphrase: 'pp', confirm: '' })).toEqual({});
    expect(passphraseProblems('none', '', '')).toEqual({});
  });

  it('send the organization as the certificate will carry it', () => {
    expect(cleanOrganization('  Nortia   Analytics ')).toBe('Nortia Analytics');
  });

  it('puts the cursor on the first field with a problem, in the order shown', () => {
    expect(firstProblem(['organization', 'passphrase', 'confirm'], { confirm: 1, passphrase: 1 })).toBe('passphrase');
    expect(firstProblem(['organization', 'passphrase'], {})).toBeNull();
  });
});

describe('importing an organization certificate', () => {
  it('needs a file under the size the host accepts; the file’s password may be empty', () => {
    expect(checkImportForm({ file: null, password: '', passphrase: '', confirm: '' }, 'none')).toEqual({ file: { key: 'required' } });
    expect(checkImportForm({ file: { size: MAX_CERTIFICATE_BYTES + 1 }, password: '', passphrase: '', confirm: '' }, 'none')).toEqual({
      file: { key: 'tooLong', max: MAX_CERTIFICATE_BYTES },
    });
    expect(checkImportForm({ file: { size: 3000 }, password: '', passphrase: '', confirm: '' }, 'none')).toEqual({});
    expect(checkImportForm({ file: { size: 3000 }, password: 'x', passphrase: 'long enough', confirm: 'long enouhg' }, 'new')).toEqual({
      confirm: { key: 'mismatch' },
    });
    expect(checkImportForm({ file: { size: 3000 }, password: 'x', passphrase: 'pp', confirm: '' }, 'current')).toEqual({});
  });

  it('fits in the contract once in base64', () => {
    expect(Math.ceil(MAX_CERTIFICATE_BYTES / 3) * 4).toBeLessThanOrEqual(10_000_000);
  });

  it('shows a refusal under the field it is about', () => {
    const refused = (reason: string) => ({ kind: 'invalid_file' as const, message: '', params: { reason } });
    expect(importProblemField(refused('p12_wrong_password'))).toBe('password');
    for (const reason of ['p12_unreadable', 'p12_no_key', 'p12_no_certificate', 'certificate_expired', 'certificate_not_yet_valid'])
      expect(importProblemField(refused(reason))).toBe('file');
    expect(importProblemField({ kind: 'unauthorized', message: '', params: { reason: 'wrong_passphrase' } })).toBe('passphrase');
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
