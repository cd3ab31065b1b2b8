import type { signingKeysOps } from '../../../shared/api/ops/signingKeys';
import type { CoreServices, DomainHandlers } from './types';

export function signingKeysHandlers({ identities, agreements }: CoreServices): DomainHandlers<typeof signingKeysOps> {
  return {
    'signingKeys.list': () => identities.list(),
    'signingKeys.unlock': ({ passphrase }) => identities.unlockSession(passphrase),
    'signingKeys.create': ({ organization, passphrase }) => identities.create(organization, passphrase),
    'signingKeys.importP12': ({ base64, password, passphrase }) => identities.importP12(Buffer.from(base64, 'base64'), password, passphrase),
    'signingKeys.remove': ({ id }) => identities.remove(id),
    'signingKeys.select': ({ agreementId }) => {
      const company = agreements.get(agreementId).agreement.meta.company;
      return { keyId: identities.select(company), company };
    },
  };
}
