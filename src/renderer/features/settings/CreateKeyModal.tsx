import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconKey } from '@tabler/icons-react';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SigningKeyDto } from '../../../shared/api/keysAndSettings';
import { describeError } from '../../../shared/i18n';
import { api } from '../../api/apiClient';
import { NoRecoveryNote, SecretInput } from '../signingKeys/SecretInput';
import {
  checkCreateForm,
  cleanOrganization,
  firstProblem,
  NEW_PASSPHRASE_MIN,
  ORGANIZATION_MAX,
  problemMessage,
  type PassphraseNeed,
} from '../signingKeys/signingKeyForm';

interface Props {
  opened: boolean;
  formKey: number;
  need: PassphraseNeed;
  onClose(): void;
  onCreated(key: SigningKeyDto): void;
}

/** A new key in an organization's name; the passphrase only where the keys need one and it is not open yet. */
export function CreateKeyModal({ opened, formKey, need, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('settings.keys.createTitle')}
      size={520}
      centered
      closeButtonProps={{ 'aria-label': t('ui.common.cancel') }}
    >
      <CreateKeyForm key={formKey} need={need} onCancel={onClose} onCreated={onCreated} />
    </Modal>
  );
}

const FIELDS = ['organization', 'passphrase', 'confirm'] as const;

function CreateKeyForm({ need, onCancel, onCreated }: { need: PassphraseNeed; onCancel(): void; onCreated(key: SigningKeyDto): void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState({ organization: '', passphrase: '', confirm: '' });
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const refs = { organization: useRef<HTMLInputElement>(null), passphrase: useRef<HTMLInputElement>(null), confirm: useRef<HTMLInputElement>(null) };
  const problems = checkCreateForm(need, values);
  const shown = (field: (typeof FIELDS)[number]) => {
    const problem = problems[field];
    return tried && problem ? problemMessage(t, problem) : undefined;
  };
  const set = (field: (typeof FIELDS)[number]) => (event: { currentTarget: HTMLInputElement }) => {
    const value = event.currentTarget.value;
    setValues((v) => ({ ...v, [field]: value }));
    setRefusal(null);
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setTried(true);
    const first = firstProblem(FIELDS, problems);
    if (first) {
      refs[first].current?.focus();
      return;
    }
    setBusy(true);
    const result = await api().send('signingKeys.create', {
      organization: cleanOrganization(values.organization),
      ...(need !== 'none' ? { passphrase: values.passphrase } : {}),
    });
    setBusy(false);
    if (result.ok) onCreated(result.value);
    else setRefusal(result.error.params?.reason === 'wrong_passphrase' ? t('steps.review.signingKey.wrongPassphrase') : describeError(t, result.error));
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate data-testid="create-key-form">
      <Stack gap="md">
        <Text size="sm">{t('settings.keys.createIntro')}</Text>
        <TextInput
          ref={refs.organization}
          label={t('steps.review.signingKey.organization')}
          description={t('steps.review.signingKey.organizationHint')}
          value={values.organization}
          maxLength={ORGANIZATION_MAX}
          onChange={set('organization')}
          error={shown('organization')}
          autoComplete="organization"
          required
          data-autofocus
        />
        {need !== 'none' && (
          <SecretInput
            ref={refs.passphrase}
            label={t('steps.review.signingKey.passphrase')}
            description={
              need === 'new' ? t('steps.review.signingKey.newPassphraseHint', { min: NEW_PASSPHRASE_MIN }) : t('settings.keys.currentPassphraseHint')
            }
            value={values.passphrase}
            onChange={set('passphrase')}
            error={shown('passphrase')}
            autoComplete={need === 'new' ? 'new-password' : 'current-password'}
            required
          />
        )}
        {need === 'new' && (
          <>
            <SecretInput
              ref={refs.confirm}
              label={t('steps.review.signingKey.confirm')}
              value={values.confirm}
              onChange={set('confirm')}
              error={shown('confirm')}
              autoComplete="new-password"
              required
            />
            <NoRecoveryNote />
          </>
        )}
        {refusal && (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} role="alert">
            {refusal}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel} disabled={busy}>
            {t('ui.common.cancel')}
          </Button>
          <Button type="submit" leftSection={<IconKey size={16} />} loading={busy}>
            {t('settings.keys.createSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
