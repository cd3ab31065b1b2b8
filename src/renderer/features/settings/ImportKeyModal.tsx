import { Modal } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SigningKeyDto } from '../../../shared/api/keysAndSettings';
import { ImportCertificateForm } from '../signingKeys/ImportCertificateForm';
import type { PassphraseNeed } from '../signingKeys/signingKeyForm';

interface Props {
  opened: boolean;
  formKey: number;
  need: PassphraseNeed;
  onClose(): void;
  onImported(key: SigningKeyDto): void;
}

/** An organization's own certificate (.p12/.pfx), added beside the other keys. */
export function ImportKeyModal({ opened, formKey, need, onClose, onImported }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('steps.review.importCertificate.title')}
      size={560}
      centered
      closeButtonProps={{ 'aria-label': t('ui.common.cancel') }}
    >
      <ImportCertificateForm key={formKey} need={need} submitLabel={t('steps.review.importCertificate.submit')} onBack={onClose} onImported={onImported} />
    </Modal>
  );
}
