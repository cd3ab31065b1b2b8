import { Button, Group } from '@mantine/core';
import { IconLockOpen } from '@tabler/icons-react';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SigningKeysDto } from '../../../shared/api/keysAndSettings';
import { describeError } from '../../../shared/i18n';
import { api } from '../../api/apiClient';
import { SecretInput } from '../signingKeys/SecretInput';

/** The passphrase, once per session: afterwards every key it protects seals without asking again. */
export function UnlockKeysForm({ onUnlocked }: { onUnlocked(keys: SigningKeysDto): void }) {
  const { t } = useTranslation();
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (!passphrase) {
      setError(t('steps.review.signingKey.problem.required'));
      input.current?.focus();
      return;
    }
    setBusy(true);
    const result = await api().send('signingKeys.unlock', { passphrase });
    setBusy(false);
    if (result.ok) {
      setPassphrase('');
      onUnlocked(result.value);
      return;
    }
    const wrong = result.error.params?.reason === 'wrong_passphrase';
    setError(wrong ? t('steps.review.signingKey.wrongPassphrase') : describeError(t, result.error));
    input.current?.focus();
    input.current?.select();
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate data-testid="unlock-keys">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <SecretInput
          ref={input}
          label={t('steps.review.signingKey.passphrase')}
          description={t('settings.keys.currentPassphraseHint')}
          value={passphrase}
          onChange={(event) => {
            setPassphrase(event.currentTarget.value);
            setError(null);
          }}
          error={error ?? undefined}
          autoComplete="current-password"
          required
          style={{ flex: '1 1 280px' }}
        />
        <Button type="submit" leftSection={<IconLockOpen size={16} />} loading={busy}>
          {t('settings.keys.unlock')}
        </Button>
      </Group>
    </form>
  );
}
