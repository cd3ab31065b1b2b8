import type { ApiClient } from '../../src/shared/api/client';
import type { AgreementRecord } from '../../src/shared/api/contract';
import { strokePngDataUrl } from './png';

/** Every signer who must sign draws a signature over what `signing.preview` shows: the record ends signed. */
export async function signAll(client: ApiClient, record: AgreementRecord): Promise<AgreementRecord> {
  let current = record;
  for (const [i, p] of current.agreement.participants.filter((x) => x.mustSign).entries()) {
    const { fingerprint } = await client.call('signing.preview', { id: current.agreement.meta.id });
    const signed = await client.call('signing.sign', {
      id: current.agreement.meta.id,
      revision: current.revision,
      participantId: p.id,
      name: p.name,
      jobTitle: p.jobTitle,
      image: strokePngDataUrl(i),
      consent: true,
      fingerprint,
    });
    current = signed.record;
  }
  return current;
}
