import { Alert, Button, Group, Modal, Radio, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconCertificate, IconFileOff } from '@tabler/icons-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../../../shared/i18n';
import { organizationKey } from '../../../../../shared/signing/organization';
import { KeyDescription } from '../../../signingKeys/KeyDescription';
import { NoRecoveryNote, SecretInput } from '../../../signingKeys/SecretInput';
import {
  checkCreateForm,
  cleanOrganization,
  firstProblem,
  NEW_PASSPHRASE_MIN,
  ORGANIZATION_MAX,
  passphraseNeed,
  passphraseProblems,
  problemMessage,
  type KeyFormProblems,
} from '../../../signingKeys/signingKeyForm';
import type { SealAnswer, SealPrompt } from './exportFlow';
import type { SealDialogState } from './useExportDocument';

interface Props {
  state: SealDialogState | null;
  onAnswer(answer: SealAnswer): Promise<void>;
  onWithoutSeal(): void;
  onCancel(): void;
}

const NEW_KEY = 'new';

/**
 * Which organization's key seals this document. The key of the agreement's company is preselected; when no
 * key carries it the dialog says so and offers the keys by organization, a new key for the company, or — one
 * click — the export without a seal. Where a passphrase protects the keys and it was not given this session
 * (Settings is the place for it, before the workshop), it is asked here too.
 */
export function SealDialog({ state, onAnswer, onWithoutSeal, onCancel }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={state !== null}
      onClose={onCancel}
      title={t('settings.seal.title')}
      size={600}
      centered
      closeButtonProps={{ 'aria-label': t('settings.seal.close') }}
      closeOnClickOutside={false}
    >
      {state && <SealForm key={state.round} prompt={state.prompt} onAnswer={onAnswer} onWithoutSeal={onWithoutSeal} onCancel={onCancel} />}
    </Modal>
  );
}

function SealForm({
  prompt,
  onAnswer,
  onWithoutSeal,
  onCancel,
}: {
  prompt: SealPrompt;
  onAnswer(answer: SealAnswer): Promise<void>;
  onWithoutSeal(): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const { keys } = prompt.keys;
  const [choice, setChoice] = useState<string>(prompt.suggested ?? (keys.length === 0 ? NEW_KEY : ''));
  const [organization, setOrganization] = useState(prompt.company.slice(0, ORGANIZATION_MAX));
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  /** The passphrase last sent: a refusal shows under the field until it is changed. */
  const [sent, setSent] = useState<string | null>(null);
  const refs = { organization: useRef<HTMLInputElement>(null), passphrase: useRef<HTMLInputElement>(null), confirm: useRef<HTMLInputElement>(null) };
  const creating = choice === NEW_KEY;
  // A new passphrase is only chosen with the first key; opening existing keys takes the current one.
  const need = passphraseNeed(prompt.keys);
  const problems: KeyFormProblems = creating ? checkCreateForm(need, { organization, passphrase, confirm }) : passphraseProblems(need, passphrase, confirm);
  const chosen = keys.find((k) => k.id === choice) ?? null;
  const foreign = chosen !== null && organizationKey(chosen.organization) !== organizationKey(prompt.company);
  const shown = (field: 'organization' | 'passphrase' | 'confirm') => {
    if (field === 'passphrase' && prompt.wrongPassphrase && sent === passphrase) return t('steps.review.signingKey.wrongPassphrase');
    const problem = problems[field];
    return tried && problem ? problemMessage(t, problem) : undefined;
  };
  // Each refusal of the passphrase is a new prompt: the cursor goes back to it, selected, ready to be typed again.
  useEffect(() => {
    if (!prompt.wrongPassphrase) return;
    refs.passphrase.current?.focus();
    refs.passphrase.current?.select();
    // refs are stable; only a new refusal moves the cursor.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [prompt]);
  const intro =
    prompt.reason === 'noMatch'
      ? t('settings.seal.noMatch', { company: prompt.company || t('ui.row.noCompany') })
      : prompt.reason === 'locked'
        ? t('settings.seal.locked')
        : t('settings.seal.choose');

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setTried(true);
    const first = firstProblem(['organization', 'passphrase', 'confirm'] as const, problems);
    if (first) {
      refs[first].current?.focus();
      return;
    }
    if (!creating && !chosen) return;
    setBusy(true);
    setSent(passphrase);
    await onAnswer({
      ...(creating ? { organization: cleanOrganization(organization) } : { keyId: choice }),
      ...(need !== 'none' ? { passphrase } : {}),
    });
    setBusy(false);
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate data-testid="seal-form" data-reason={prompt.reason}>
      <Stack gap="md">
        <Text size="sm">{intro}</Text>
        <Radio.Group
          value={choice}
          onChange={setChoice}
          label={t('settings.seal.sealWith')}
          error={tried && !creating && !chosen ? t('settings.seal.pick') : undefined}
        >
          <Stack gap="xs" mt="xs">
            {keys.map((key) => (
              <Radio
                key={key.id}
                value={key.id}
                disabled={key.protection !== prompt.keys.protection}
                label={key.organization}
                description={<KeyDescription signingKey={key} />}
              />
            ))}
            <Radio value={NEW_KEY} label={t('settings.seal.newKey')} description={t('settings.seal.newKeyHint')} />
          </Stack>
        </Radio.Group>
        {foreign && chosen && (
          <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} data-testid="seal-foreign">
            {t('settings.seal.foreign', { organization: chosen.organization, company: prompt.company || t('ui.row.noCompany') })}
          </Alert>
        )}
        {creating && (
          <TextInput
            ref={refs.organization}
            label={t('steps.review.signingKey.organization')}
            description={t('steps.review.signingKey.organizationHint')}
            value={organization}
            maxLength={ORGANIZATION_MAX}
            onChange={(event) => setOrganization(event.currentTarget.value)}
            error={shown('organization')}
            autoComplete="organization"
            required
          />
        )}
        {need !== 'none' && (
          <SecretInput
            ref={refs.passphrase}
            label={t('steps.review.signingKey.passphrase')}
            description={
              need === 'new' ? t('steps.review.signingKey.newPassphraseHint', { min: NEW_PASSPHRASE_MIN }) : t('settings.keys.currentPassphraseHint')
            }
            value={passphrase}
            onChange={(event) => setPassphrase(event.currentTarget.value)}
            error={shown('passphrase')}
            autoComplete={need === 'new' ? 'new-password' : 'current-password'}
            required
            data-autofocus
          />
        )}
        {need === 'new' && (
          <>
            <SecretInput
              ref={refs.confirm}
              label={t('steps.review.signingKey.confirm')}
              value={confirm}
              onChange={(event) => setConfirm(event.currentTarget.value)}
              error={shown('confirm')}
              autoComplete="new-password"
              required
            />
            <NoRecoveryNote />
          </>
        )}
        {prompt.error && (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title={t('steps.review.signingKey.failedTitle')} role="alert">
            {describeError(t, prompt.error)}
          </Alert>
        )}
        <Group justify="space-between" gap="sm">
          <Button variant="subtle" leftSection={<IconFileOff size={16} />} onClick={onWithoutSeal} disabled={busy}>
            {t('settings.seal.withoutSeal')}
          </Button>
          <Group gap="sm" wrap="nowrap">
            <Button variant="default" onClick={onCancel} disabled={busy}>
              {t('steps.review.signingKey.cancel')}
            </Button>
            <Button type="submit" leftSection={<IconCertificate size={16} />} loading={busy}>
              {t('settings.seal.submit')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
