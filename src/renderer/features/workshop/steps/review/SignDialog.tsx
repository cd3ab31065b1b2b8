import { Alert, Button, Checkbox, Group, Modal, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconSignature } from '@tabler/icons-react';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../../../shared/i18n';
import { LIMITS } from '../../../../../shared/model/limits';
import type { Agreement, Participant } from '../../../../../shared/model/schema';
import { useAppStore } from '../../../../store/appStore';
import { JobTitleChoice } from './JobTitleChoice';
import { noticeSuccess } from './notices';
import { SignaturePadField } from './SignaturePadField';
import { signAgreement } from './useSign';
import { useSignaturePad } from './useSignaturePad';
import { useSignPreview } from './useSignPreview';
import { WhatIsSigned } from './WhatIsSigned';

/** One signer signs: see what is signed, draw, confirm name, job title and date, consent, sign. */
interface DialogProps {
  signer: Participant | null;
  opened: boolean;
  /** Changes on every opening, so each one starts with an empty box. */
  round: number;
  /** The agreement as it was when the signer opened the review page. */
  seen: Agreement;
  onClose(): void;
  onSigned(participantId: string): void;
}

export function SignDialog({ signer, opened, round, seen, onClose, onSigned }: DialogProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened && signer !== null}
      onClose={onClose}
      title={signer ? t('steps.review.signers.signAs', { name: signer.name || t('steps.review.signers.unnamed') }) : t('steps.review.sign.title')}
      size={720}
      centered
      closeButtonProps={{ 'aria-label': t('steps.review.sign.close') }}
      // A click beside the box while drawing must not throw the signature away.
      closeOnClickOutside={false}
    >
      {signer && <SignForm key={`${signer.id}:${round}`} signer={signer} seen={seen} onCancel={onClose} onSigned={() => onSigned(signer.id)} />}
    </Modal>
  );
}

/** Fields where Ctrl/⌘+Z belongs to the text (the browser's own undo), not to the drawing. */
function isTextField(target: EventTarget | null): boolean {
  if (target instanceof HTMLTextAreaElement) return true;
  if (target instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit', 'reset', 'file'].includes(target.type);
  return target instanceof HTMLElement && target.isContentEditable;
}

function SignForm({ signer, seen, onCancel, onSigned }: { signer: Participant; seen: Agreement; onCancel(): void; onSigned(): void }) {
  const { t, i18n } = useTranslation();
  const title = useAppStore((s) => s.session?.draft.meta.title ?? '');
  const language = useAppStore((s) => s.session?.draft.meta.language ?? 'en');
  const pad = useSignaturePad();
  const [name, setName] = useState(signer.name);
  const [jobTitle, setJobTitle] = useState(signer.jobTitle);
  const [updateJobTitle, setUpdateJobTitle] = useState(false);
  const [consent, setConsent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const typedTitle = jobTitle.trim();
  const titleChanges = typedTitle !== '' && typedTitle !== signer.jobTitle;
  const { state, current, reload } = useSignPreview(seen, { participantId: signer.id, jobTitle: updateJobTitle && titleChanges ? typedTitle : null });
  const frozen = (current ?? (state.status === 'loading' ? state.last : null))?.preview.started ?? false;
  const consentText = i18n.getFixedT(language)('steps.review.sign.consent');
  const today = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'full' }).format(new Date());

  // The dialog owns the keyboard (app-wide shortcuts are off while it is open): here Ctrl/⌘+Z takes back the
  // last stroke, wherever the focus is in the dialog, except in a text field, which keeps its own undo.
  const undoStroke = pad.undo;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.shiftKey || event.altKey || event.key.toLowerCase() !== 'z') return;
      if (isTextField(event.target)) return;
      event.preventDefault();
      undoStroke();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undoStroke]);

  const todo = [
    pad.strokes === 0 && t('steps.review.sign.todo.ink'),
    !name.trim() && t('steps.review.sign.todo.name'),
    !typedTitle && t('steps.review.sign.todo.jobTitle'),
    !consent && t('steps.review.sign.todo.consent'),
  ].filter((item): item is string => Boolean(item));
  const ready = todo.length === 0 && current !== null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const image = ready ? pad.toPng() : null;
    if (!image || !current || busy) return;
    setBusy(true);
    setError(null);
    const outcome = await signAgreement({
      participantId: signer.id,
      name: name.trim(),
      jobTitle: typedTitle,
      image,
      fingerprint: current.preview.fingerprint,
      updateJobTitle: updateJobTitle && titleChanges && !frozen,
    });
    setBusy(false);
    if (!outcome.ok) {
      setError(outcome.error === 'notSaved' ? t('steps.review.sign.notSaved') : describeError(t, outcome.error));
      // The content moved on (or another signature landed): show what would be signed now.
      reload();
      return;
    }
    noticeSuccess(t, outcome.complete ? t('steps.review.sign.doneAll') : t('steps.review.sign.done', { name: name.trim() }));
    onSigned();
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('steps.review.sign.intro', { title })}
        </Text>
        <WhatIsSigned state={state} onRetry={reload} />
        <SignaturePadField pad={pad} signerName={name || signer.name} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('steps.review.sign.name')}
            value={name}
            maxLength={LIMITS.shortText}
            onChange={(event) => setName(event.currentTarget.value)}
            error={name.trim() ? undefined : t('steps.review.sign.required')}
            required
            autoComplete="name"
          />
          <TextInput
            label={t('steps.review.sign.jobTitle')}
            value={jobTitle}
            maxLength={LIMITS.shortText}
            onChange={(event) => setJobTitle(event.currentTarget.value)}
            error={typedTitle ? undefined : t('steps.review.sign.required')}
            required
            autoComplete="organization-title"
          />
        </SimpleGrid>
        <JobTitleChoice
          name={signer.name || t('steps.review.signers.unnamed')}
          current={signer.jobTitle}
          typed={typedTitle}
          frozen={frozen}
          update={updateJobTitle}
          onUpdate={setUpdateJobTitle}
        />
        <Group gap="xs">
          <Text size="sm" fw={500}>
            {t('steps.review.sign.date')}
          </Text>
          <Text size="sm" data-testid="sign-date">
            {today}
          </Text>
        </Group>
        <Checkbox
          checked={consent}
          onChange={(event) => setConsent(event.currentTarget.checked)}
          label={<span lang={language}>{consentText}</span>}
          description={language === i18n.language ? undefined : t('steps.review.sign.consentHeading')}
          data-testid="sign-consent"
        />
        {error && (
          <Alert
            color="red"
            variant="light"
            icon={<IconAlertTriangle size={18} />}
            title={t('steps.review.sign.failedTitle')}
            role="alert"
            data-testid="sign-error"
          >
            {error}
          </Alert>
        )}
        <Group justify="space-between" align="center" wrap="nowrap" gap="md">
          <Text size="xs" c="dimmed" aria-live="polite">
            {todo.length === 0 ? '' : t('steps.review.sign.todoLine', { items: new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(todo) })}
          </Text>
          <Group gap="sm" wrap="nowrap">
            <Button variant="default" onClick={onCancel} disabled={busy}>
              {t('steps.review.sign.cancel')}
            </Button>
            <Button type="submit" leftSection={<IconSignature size={16} />} disabled={!ready} loading={busy}>
              {t('steps.review.sign.submit')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
