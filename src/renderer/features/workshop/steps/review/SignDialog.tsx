import { Alert, Button, Checkbox, Group, Modal, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconSignature } from '@tabler/icons-react';
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../../../shared/i18n';
import { LIMITS } from '../../../../../shared/model/limits';
import type { Participant } from '../../../../../shared/model/schema';
import { useAppStore } from '../../../../store/appStore';
import { noticeSuccess } from './notices';
import { SignaturePadField } from './SignaturePadField';
import { signAgreement } from './useSign';
import { useSignaturePad } from './useSignaturePad';

/** One signer signs: draw, confirm name, job title and date, consent, sign. */
interface DialogProps {
  signer: Participant | null;
  opened: boolean;
  /** Changes on every opening, so each one starts with an empty box. */
  round: number;
  onClose(): void;
  onSigned(participantId: string): void;
}

export function SignDialog({ signer, opened, round, onClose, onSigned }: DialogProps) {
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
      {signer && <SignForm key={`${signer.id}:${round}`} signer={signer} onCancel={onClose} onSigned={() => onSigned(signer.id)} />}
    </Modal>
  );
}

function SignForm({ signer, onCancel, onSigned }: { signer: Participant; onCancel(): void; onSigned(): void }) {
  const { t, i18n } = useTranslation();
  const version = useAppStore((s) => s.session?.draft.meta.version ?? 1);
  const title = useAppStore((s) => s.session?.draft.meta.title ?? '');
  const language = useAppStore((s) => s.session?.draft.meta.language ?? 'en');
  const pad = useSignaturePad();
  const [name, setName] = useState(signer.name);
  const [jobTitle, setJobTitle] = useState(signer.jobTitle);
  const [consent, setConsent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const consentText = i18n.getFixedT(language)('steps.review.sign.consent');
  const today = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'full' }).format(new Date());

  const todo = [
    pad.strokes === 0 && t('steps.review.sign.todo.ink'),
    !name.trim() && t('steps.review.sign.todo.name'),
    !jobTitle.trim() && t('steps.review.sign.todo.jobTitle'),
    !consent && t('steps.review.sign.todo.consent'),
  ].filter((item): item is string => Boolean(item));
  const ready = todo.length === 0;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const image = ready ? pad.toPng() : null;
    if (!image || busy) return;
    setBusy(true);
    setError(null);
    const outcome = await signAgreement({ participantId: signer.id, name: name.trim(), jobTitle: jobTitle.trim(), image });
    setBusy(false);
    if (!outcome.ok) {
      setError(outcome.error === 'notSaved' ? t('steps.review.sign.notSaved') : describeError(t, outcome.error));
      return;
    }
    noticeSuccess(t, outcome.complete ? t('steps.review.sign.doneAll') : t('steps.review.sign.done', { name: name.trim() }));
    onSigned();
  }

  /** The workshop's own undo must not reach a step behind the dialog; here Ctrl/⌘+Z takes back a stroke. */
  function onKeyDown(event: KeyboardEvent) {
    const mod = event.ctrlKey || event.metaKey;
    const key = event.key.toLowerCase();
    if (!(mod && (key === 'z' || key === 'y')) && !(event.altKey && event.key.startsWith('Page'))) return;
    event.stopPropagation();
    const inText = event.target instanceof HTMLInputElement;
    if (!inText && mod && key === 'z' && !event.shiftKey) {
      event.preventDefault();
      pad.undo();
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} onKeyDown={onKeyDown} noValidate>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('steps.review.sign.intro', { version, title })}
        </Text>
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
            error={jobTitle.trim() ? undefined : t('steps.review.sign.required')}
            required
            autoComplete="organization-title"
          />
        </SimpleGrid>
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
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title={t('steps.review.sign.failedTitle')} role="alert">
            {error}
          </Alert>
        )}
        <Group justify="space-between" align="center" wrap="nowrap" gap="md">
          <Text size="xs" c="dimmed" aria-live="polite">
            {ready ? '' : t('steps.review.sign.todoLine', { items: new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(todo) })}
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
