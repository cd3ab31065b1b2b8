import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface LibreOfficeSignature {
  /** SignatureIsValid: every digest and the signature value check out. */
  valid: boolean;
  /** Always true for OOXML in LibreOffice: metadata such as docProps/core.xml is unsigned by design. */
  partial: boolean;
  /** The certificate's trust: 0 is trusted; a self-signed certificate nobody imported is not. */
  certificateStatus: number;
  subject: string;
  date: string;
}

export type LibreOfficeResult = { file: string; signatures: LibreOfficeSignature[] } | { file: string; error: string };

/** What LibreOffice (python3-uno, its own soffice and profile) reports for each file's signatures. One soffice for all. */
export async function libreOfficeVerify(files: string[]): Promise<Map<string, LibreOfficeResult>> {
  const script = join(dirname(fileURLToPath(import.meta.url)), 'libreoffice_signatures.py');
  const { stdout } = await run('/usr/bin/python3', [script, ...files], { timeout: 180_000 });
  const results = stdout
    .split('\n')
    .filter((line) => line.trim().startsWith('{'))
    .map((line) => JSON.parse(line) as LibreOfficeResult);
  return new Map(results.map((result) => [result.file, result]));
}
