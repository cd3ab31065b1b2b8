import { PasswordInput, Text, type PasswordInputProps } from '@mantine/core';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSPHRASE_MAX } from './signingKeyForm';

/** A password or passphrase field of the signing-key forms: bounded, with a named show/hide button. */
export function SecretInput({ ref, ...props }: PasswordInputProps & { ref?: Ref<HTMLInputElement> }) {
  const { t } = useTranslation();
  return <PasswordInput ref={ref} maxLength={PASSPHRASE_MAX} visibilityToggleButtonProps={{ 'aria-label': t('steps.review.signingKey.show') }} {...props} />;
}

/** Said under every new passphrase: nobody can recover it. */
export function NoRecoveryNote() {
  const { t } = useTranslation();
  return (
    <Text size="sm" className="key-no-recovery">
      {t('steps.review.signingKey.noRecovery')}
    </Text>
  );
}
