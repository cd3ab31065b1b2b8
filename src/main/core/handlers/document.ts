import type { OpOutput, OpParsedInput } from '../../../shared/api/contract';
import type { documentOps } from '../../../shared/api/ops/document';
import { signingState } from '../../../shared/signing/signers';
import { assertStoredSignaturesIntact } from '../signing/integrity';
import type { CoreServices, DomainHandlers } from './types';

export function documentHandlers(s: CoreServices): DomainHandlers<typeof documentOps> {
  return {
    'document.export': (input) => exportDocument(s, input),
    'document.verify': async ({ base64 }) => (await s.documents()).verify(Buffer.from(base64, 'base64')),
  };
}

/**
 * The Word document of a stored version, listing what changed when it amends a signed one. A fully signed
 * version is also sealed with the installation's digital signature unless the caller says not to. The
 * sequence itself (key → build → seal → record) is the document service's, shared with the CLI.
 */
async function exportDocument({ agreements, signing, documents }: CoreServices, input: OpParsedInput<'document.export'>): Promise<OpOutput<'document.export'>> {
  const { agreement } = agreements.get(input.id);
  // A version that is no longer what its signers signed gets no document, and so never a seal.
  assertStoredSignaturesIntact(agreement);
  const sealed = input.digitalSignature ?? signingState(agreement).complete;
  const { base, changes } = signing.changes(input.id);
  const exported = await (
    await documents()
  ).export({
    agreement,
    ...(input.language ? { lang: input.language } : {}),
    ...(base ? { changes, baseVersion: base.version } : {}),
    // Which key: the one chosen, else the organization's, else the one matching the agreement's company.
    key: sealed
      ? {
          kind: 'installation',
          ...(input.keyId ? { keyId: input.keyId } : {}),
          ...(input.organization ? { organization: input.organization } : {}),
          company: agreement.meta.company,
          ...(input.passphrase ? { passphrase: input.passphrase } : {}),
        }
      : null,
  });
  const { sealedBy } = exported;
  return {
    fileName: exported.fileName,
    base64: Buffer.from(exported.bytes).toString('base64'),
    bytes: exported.bytes.byteLength,
    digitalSignature: sealedBy ? { subject: sealedBy.subject, selfSigned: sealedBy.selfSigned, thumbprint: sealedBy.thumbprint } : null,
  };
}
