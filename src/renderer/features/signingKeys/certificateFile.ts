import { MAX_CERTIFICATE_BYTES } from './signingKeyForm';

export type CertificateFileRead = { ok: true; base64: string } | { ok: false; problem: 'empty' | 'tooLarge' | 'unreadable' };

/** Bytes → base64 in slices: `String.fromCharCode(...bytes)` on a whole file would overflow the call stack. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const slice = 0x8000;
  for (let i = 0; i < bytes.length; i += slice) binary += String.fromCharCode(...bytes.subarray(i, i + slice));
  return btoa(binary);
}

/** A chosen .p12/.pfx file as the host's `signingKeys.importP12` takes it; the size is checked before reading. */
export async function readCertificateFile(file: Blob): Promise<CertificateFileRead> {
  if (file.size === 0) return { ok: false, problem: 'empty' };
  if (file.size > MAX_CERTIFICATE_BYTES) return { ok: false, problem: 'tooLarge' };
  try {
    return { ok: true, base64: bytesToBase64(new Uint8Array(await file.arrayBuffer())) };
  } catch {
    return { ok: false, problem: 'unreadable' };
  }
}

/** Splits an RFC 4514 name (`CN=Acme\, Inc., O=Acme`) into attributes, undoing its escapes. */
export function nameAttributes(dn: string): { type: string; value: string }[] {
  const attributes: { type: string; value: string }[] = [];
  let current = '';
  const bytes: number[] = [];
  const flush = () => {
    if (bytes.length) current += new TextDecoder().decode(new Uint8Array(bytes.splice(0)));
  };
  const push = () => {
    flush();
    const at = current.indexOf('=');
    if (at > 0) attributes.push({ type: current.slice(0, at).trim().toUpperCase(), value: current.slice(at + 1).trim() });
    current = '';
  };
  for (let i = 0; i < dn.length; i++) {
    const c = dn[i] ?? '';
    if (c === '\\' && i + 1 < dn.length) {
      const hex = dn.slice(i + 1, i + 3);
      if (/^[0-9a-fA-F]{2}$/.test(hex)) {
        bytes.push(parseInt(hex, 16));
        i += 2;
      } else {
        flush();
        current += dn[++i];
      }
    } else if (c === ',' || c === '+') {
      push();
    } else {
      flush();
      current += c;
    }
  }
  push();
  return attributes;
}

/** The name people know a certificate by: its common name, else its organization, else the whole name. */
export function certificateName(dn: string): string {
  const attributes = nameAttributes(dn);
  return attributes.find((a) => a.type === 'CN')?.value || attributes.find((a) => a.type === 'O')?.value || dn;
}
