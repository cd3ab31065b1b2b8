import { Alert, Anchor, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconKey, IconLockOpen } from '@tabler/icons-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { KeyStatus } from '../../../../../shared/api/contract';
import { describeError } from '../../../../../shared/i18n';
import { NoRecoveryNote, SecretInput } from './SecretInput';
import { certificateName } from './certificateFile';
import type { KeyAnswer, KeyPrompt } from './exportFlow';
import { ImportCertificateForm } from './ImportCertificateForm';
import { checkKeyForm, firstProblem, keyAnswer, NEW_PASSPHRASE_MIN, ORGANIZATION_MAX, problemMessage, type KeyFormValues } from './signingKeyForm';
import type { KeyDialogState } from './useExportDocument';

interface Props {
  state: KeyDialogState | null;
  /** The organization to suggest for a new key: the agreement's company. */
  company: string;
  onAnswer(answer: KeyAnswer): Promise<void>;
  onCancel(): void;
}

/**
 * What a sealed export needs before it can go on: a new key (the organization the certificate carries, and
 * a passphrase typed twice where no system keychain keeps it), or the passphrase of the existing key. A
 * wrong passphrase shows under its field and the dialog stays. An organization's certificate can be
 * imported instead, after which the export goes on with it.
 */
export function SigningKeyDialog({ state, company, onAnswer, onCancel }: Props) {
  const { t } = useTranslation();
  // Which view belongs to which opening: every export that opens the dialog starts on the key form.
  const [importing, setImporting] = useState<number | null>(null);
  const prompt = state?.prompt;
  const view = state && importing === state.round ? 'import' : 'key';
  const title = view === 'import' ? t('steps.review.importCertificate.title') : prompt?.mode === 'unlock' ? t('steps.review.signingKey.unlockTitle') : t('steps.review.signingKey.createTitle');
  const status: KeyStatus | null = prompt ? { protection: prompt.passphrase ? 'passphrase' : 'safeStorage', identity: prompt.identity, unlocked: false } : null;
  return (
    <Modal opened={state !== null} onClose={onCancel} title={title} size={560} centered closeButtonProps={{ 'aria-label': t('steps.review.signingKey.close') }} closeOnClickOutside={false}>
      {state && prompt && status && view === 'key' && (
        <KeyForm key={state.round} prompt={prompt} company={company} onAnswer={onAnswer} onCancel={onCancel} onImport={() => setImporting(state.round)} />
      )}
      {state && status && view === 'import' && (
        <ImportCertificateForm
          status={status}
          submitLabel={t('steps.review.importCertificate.submitAndExport')}
          onBack={() => setImporting(null)}
          onImported={async () => {
            // The imported key is open for this session: the export goes on with it, no answer needed.
            await onAnswer({});
            setImporting(null);
          }}
        />
      )}
    </Modal>
  );
}

const FIELDS = ['organization', 'passphrase', 'confirm'] as const;

function KeyForm({ prompt, company, onAnswer, onCancel, onImport }: { prompt: KeyPrompt; company: string; onAnswer(answer: KeyAnswer): Promise<void>; onCancel(): void; onImport(): void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<KeyFormValues>({ organization: company.slice(0, ORGANIZATION_MAX), passphrase: '', confirm: '' });
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  /** The passphrase the host just refused: its message stays until the field changes. */
  const [refused, setRefused] = useState<string | null>(null);
  const refs = { organization: useRef<HTMLInputElement>(null), passphrase: useRef<HTMLInputElement>(null), confirm: useRef<HTMLInputElement>(null) };
  const problems = checkKeyForm(prompt, values);
  const creating = prompt.mode === 'create';
  const wrongPassphrase = prompt.wrongPassphrase && refused !== null && refused === values.passphrase;

  // Each refusal is a new prompt: put the cursor back in the passphrase, selected, ready to be typed again.
  useEffect(() => {
    if (!prompt.wrongPassphrase) return;
    refs.passphrase.current?.focus();
    refs.passphrase.current?.select();
    // refs are stable; only a new refusal moves the cursor.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [prompt]);

  const shown = (field: keyof KeyFormValues): string | undefined => {
    if (field === 'passphrase' && wrongPassphrase) return t('steps.review.signingKey.wrongPassphrase');
    const problem = problems[field];
    return tried && problem ? problemMessage(t, problem) : undefined;
  };
  const set = (field: keyof KeyFormValues) => (event: { currentTarget: HTMLInputElement }) => {
    const value = event.currentTarget.value;
    setValues((v) => ({ ...v, [field]: value }));
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
    setRefused(null);
    const sent = values.passphrase;
    await onAnswer(keyAnswer(prompt, values));
    setRefused(sent);
    setBusy(false);
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="key-form" data-testid="signing-key-form" data-mode={prompt.mode}>
      <Stack gap="md">
        <Text size="sm">{creating ? t('steps.review.signingKey.createIntro') : t('steps.review.signingKey.unlockIntro', { name: prompt.identity ? certificateName(prompt.identity.subject) : '' })}</Text>
        {creating && (
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
        )}
        {prompt.passphrase && (
          <SecretInput
            ref={refs.passphrase}
            label={t('steps.review.signingKey.passphrase')}
            description={creating ? t('steps.review.signingKey.newPassphraseHint', { min: NEW_PASSPHRASE_MIN }) : undefined}
            value={values.passphrase}
            onChange={set('passphrase')}
            error={shown('passphrase')}
            autoComplete={creating ? 'new-password' : 'current-password'}
            required
            {...(creating ? {} : { 'data-autofocus': true })}
          />
        )}
        {creating && prompt.passphrase && (
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
        {prompt.error && (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title={t('steps.review.signingKey.failedTitle')} role="alert">
            {describeError(t, prompt.error)}
          </Alert>
        )}
        <Group justify="space-between" align="center" gap="sm">
          {creating ? (
            <Anchor component="button" type="button" size="sm" onClick={onImport} disabled={busy}>
              {t('steps.review.signingKey.importInstead')}
            </Anchor>
          ) : (
            <span />
          )}
          <Group gap="sm" wrap="nowrap" ml="auto">
            <Button variant="default" onClick={onCancel} disabled={busy}>
              {t('steps.review.signingKey.cancel')}
            </Button>
            <Button type="submit" leftSection={creating ? <IconKey size={16} /> : <IconLockOpen size={16} />} loading={busy}>
              {creating ? t('steps.review.signingKey.create') : t('steps.review.signingKey.unlock')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
