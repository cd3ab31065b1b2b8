import { useTranslation } from 'react-i18next';
import type { SigningKeyDto } from '../../../shared/api/keysAndSettings';
import { certificateName } from './certificateFile';

/** One line about a key: who issued its certificate, until when it is valid, and whether it can sign now. */
export function KeyDescription({ signingKey }: { signingKey: SigningKeyDto }) {
  const { t, i18n } = useTranslation();
  const until = new Date(signingKey.notAfter);
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long' }).format(until);
  const parts = [
    signingKey.selfSigned ? t('settings.keys.selfSigned') : t('settings.keys.issuedBy', { issuer: certificateName(signingKey.issuer) }),
    until.getTime() < Date.now() ? t('settings.keys.expired', { date }) : t('settings.keys.validUntil', { date }),
  ];
  return <span>{parts.join(' · ')}</span>;
}
