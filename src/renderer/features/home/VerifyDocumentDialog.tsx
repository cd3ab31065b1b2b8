import { Button, FileInput, Group, Modal, Stack, Text } from '@mantine/core';
import { IconFileDescription, IconShieldCheck } from '@tabler/icons-react';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { VERIFY_UPLOAD_MAX_BYTES, type DocumentVerification } from '../../../shared/document/verification';
import { describeError } from '../../../shared/i18n';
import { api } from '../../api/apiClient';
import { readDocumentFile } from './readDocumentFile';
import { useDialog } from './useDialog';
import { VerificationResult } from './VerificationResult';

type Outcome = { fileName: string; result: DocumentVerification };

const DOCX_TYPES = '.docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * "Verify a document": a .docx chosen here (a file input, in the desktop app too: the renderer only gets the
 * bytes the user picked) goes to `document.verify`, which checks it against itself and against this
 * installation's record of its exports. The answer stays in the dialog, read out politely when it arrives.
 */
export function VerifyDocumentButton() {
  const { t } = useTranslation();
  const dialog = useDialog<null>();
  return (
    <>
      <Button variant="default" leftSection={<IconShieldCheck size={16} />} onClick={() => dialog.open(null)}>
        {t('verify.dialog.open')}
      </Button>
      <Modal
        opened={dialog.opened}
        onClose={dialog.close}
        title={t('verify.dialog.title')}
        size="lg"
        centered
        closeButtonProps={{ 'aria-label': t('verify.dialog.close') }}
      >
        <VerifyDocumentForm key={dialog.formKey} onClose={dialog.close} />
      </Modal>
    </>
  );
}

function VerifyDocumentForm({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [fileError, setFileError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const fileRef = useRef<HTMLButtonElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setOutcome(null);
    if (!file) {
      setFileError(t('verify.dialog.fileRequired'));
      fileRef.current?.focus();
      return;
    }
    setBusy(true);
    const read = await readDocumentFile(file);
    if (!read.ok) {
      setBusy(false);
      setFileError(
        read.problem === 'tooLarge' ? t('verify.dialog.tooLarge', { limitMb: VERIFY_UPLOAD_MAX_BYTES / (1024 * 1024) }) : t(`verify.dialog.${read.problem}`),
      );
      fileRef.current?.focus();
      return;
    }
    const reply = await api().send('document.verify', { base64: read.base64 });
    setBusy(false);
    if (reply.ok) setOutcome({ fileName: file.name, result: reply.value });
    else setFileError(describeError(t, reply.error));
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="md">
        <Text size="sm">{t('verify.dialog.intro')}</Text>
        <FileInput
          ref={fileRef}
          label={t('verify.dialog.file')}
          placeholder={t('verify.dialog.filePlaceholder')}
          accept={DOCX_TYPES}
          leftSection={<IconFileDescription size={16} />}
          value={file}
          onChange={(next) => {
            setFile(next);
            setFileError(null);
            setOutcome(null);
          }}
          error={fileError}
          data-testid="verify-file"
          data-autofocus
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('verify.dialog.close')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('verify.dialog.submit')}
          </Button>
        </Group>
        <div aria-live="polite">{outcome && <VerificationResult fileName={outcome.fileName} result={outcome.result} />}</div>
      </Stack>
    </form>
  );
}
