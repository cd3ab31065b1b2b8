import { Alert, Button, FileInput, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCertificate, IconFileCertificate } from '@tabler/icons-react';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SigningKeyDto } from '../../../shared/api/keysAndSettings';
import { describeError } from '../../../shared/i18n';
import { api } from '../../api/apiClient';
import { NoRecoveryNote, SecretInput } from './SecretInput';
import { readCertificateFile } from './certificateFile';
import {
  checkImportForm,
  firstProblem,
  importProblemField,
  NEW_PASSPHRASE_MIN,
  problemMessage,
  type FieldProblem,
  type ImportFormProblems,
  type PassphraseNeed,
} from './signingKeyForm';

const FIELDS = ['file', 'password', 'passphrase', 'confirm'] as const;
type Field = (typeof FIELDS)[number];

interface Props {
  /** The passphrase protecting keys here: none to ask, the current one, or a new one typed twice. */
  need: PassphraseNeed;
  submitLabel: string;
  onBack(): void;
  /** The host took the certificate: the new key, listed under its organization and open for this session. */
  onImported(key: SigningKeyDto): Promise<void> | void;
}

/**
 * An organization certificate from a .p12/.pfx file and its password, read here as base64, added beside the
 * other keys. Where a passphrase protects keys at rest (no system keychain) and is not open yet, it is asked.
 */
export function ImportCertificateForm({ need, submitLabel, onBack, onImported }: Props) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [password, setPassword] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  /** The host's refusal, under the field it is about; it goes once that field changes. */
  const [refusal, setRefusal] = useState<{ field: Field | 'form'; message: string } | null>(null);
  const refs = {
    file: useRef<HTMLButtonElement>(null),
    password: useRef<HTMLInputElement>(null),
    passphrase: useRef<HTMLInputElement>(null),
    confirm: useRef<HTMLInputElement>(null),
  };
  const problems = checkImportForm({ file, password, passphrase, confirm }, need);

  const describe = (field: Field, problem: FieldProblem | undefined): string | undefined => {
    if (refusal?.field === field) return refusal.message;
    if (!tried || !problem) return undefined;
    if (field === 'file' && problem.key === 'tooLong') return t('steps.review.importCertificate.problem.tooLarge');
    return problemMessage(t, problem);
  };
  const edit = (field: Field, apply: () => void) => {
    apply();
    if (refusal?.field === field || refusal?.field === 'form') setRefusal(null);
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setTried(true);
    const first = firstProblem<Field>(FIELDS, problems as ImportFormProblems);
    if (first || !file) {
      refs[first ?? 'file'].current?.focus();
      return;
    }
    setBusy(true);
    setRefusal(null);
    const read = await readCertificateFile(file);
    if (!read.ok) {
      setBusy(false);
      setRefusal({ field: 'file', message: t(`steps.review.importCertificate.problem.${read.problem}`) });
      refs.file.current?.focus();
      return;
    }
    const result = await api().send('signingKeys.importP12', { base64: read.base64, password, ...(need !== 'none' ? { passphrase } : {}) });
    if (result.ok) {
      await onImported(result.value);
      setBusy(false);
      return;
    }
    setBusy(false);
    const field = importProblemField(result.error);
    setRefusal({ field, message: describeError(t, result.error) });
    if (field !== 'form') refs[field].current?.focus();
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="key-form">
      <Stack gap="md">
        <Text size="sm">{t('steps.review.importCertificate.intro')}</Text>
        <FileInput
          ref={refs.file}
          label={t('steps.review.importCertificate.file')}
          placeholder={t('steps.review.importCertificate.filePlaceholder')}
          accept=".p12,.pfx,application/x-pkcs12"
          leftSection={<IconFileCertificate size={16} />}
          value={file}
          onChange={(next) => edit('file', () => setFile(next))}
          error={describe('file', problems.file)}
          required
          data-autofocus
        />
        <SecretInput
          ref={refs.password}
          label={t('steps.review.importCertificate.password')}
          description={t('steps.review.importCertificate.passwordHint')}
          value={password}
          onChange={(event) => {
            const value = event.currentTarget.value;
            edit('password', () => setPassword(value));
          }}
          error={describe('password', problems.password)}
          autoComplete="off"
        />
        {need !== 'none' && (
          <SecretInput
            ref={refs.passphrase}
            label={t(need === 'new' ? 'steps.review.importCertificate.passphrase' : 'steps.review.signingKey.passphrase')}
            description={
              need === 'new' ? t('steps.review.importCertificate.passphraseHint', { min: NEW_PASSPHRASE_MIN }) : t('settings.keys.currentPassphraseHint')
            }
            value={passphrase}
            onChange={(event) => {
              const value = event.currentTarget.value;
              edit('passphrase', () => setPassphrase(value));
            }}
            error={describe('passphrase', problems.passphrase)}
            autoComplete={need === 'new' ? 'new-password' : 'current-password'}
            required
          />
        )}
        {need === 'new' && (
          <>
            <SecretInput
              ref={refs.confirm}
              label={t('steps.review.signingKey.confirm')}
              value={confirm}
              onChange={(event) => {
                const value = event.currentTarget.value;
                edit('confirm', () => setConfirm(value));
              }}
              error={describe('confirm', problems.confirm)}
              autoComplete="new-password"
              required
            />
            <NoRecoveryNote />
          </>
        )}
        {refusal?.field === 'form' && (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} role="alert">
            {refusal.message}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onBack} disabled={busy}>
            {t('steps.review.importCertificate.back')}
          </Button>
          <Button type="submit" leftSection={<IconCertificate size={16} />} loading={busy}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
