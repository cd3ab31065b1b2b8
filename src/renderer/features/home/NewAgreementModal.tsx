import { Button, Group, Modal, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, languageSchema, type Language } from '../../../shared/model/schema';
import { useAppStore } from '../../store/appStore';
import { selectUiLanguage } from '../../store/preferencesSlice';
import type { DialogState } from './useDialog';
import { validateTitle } from './validateTitle';

export type NewSource = 'blank' | 'example';
type Create = (source: NewSource, language: Language, title?: string) => Promise<boolean>;

export function NewAgreementModal({ dialog, onCreate }: { dialog: DialogState<NewSource>; onCreate: Create }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={dialog.opened}
      onClose={dialog.close}
      closeButtonProps={{ 'aria-label': t('ui.common.closeDialog') }}
      title={t(dialog.value === 'example' ? 'ui.create.exampleTitle' : 'ui.create.blankTitle')}
      centered
    >
      {dialog.value && <NewAgreementForm key={dialog.formKey} source={dialog.value} onClose={dialog.close} onCreate={onCreate} />}
    </Modal>
  );
}

/**
 * Blank agreements ask for a title and the document language; the example only for its language (it
 * comes with its own title). The language defaults to the UI language, which is usually the room's.
 */
function NewAgreementForm({ source, onClose, onCreate }: { source: NewSource; onClose(): void; onCreate: Create }) {
  const { t } = useTranslation();
  const uiLanguage = useAppStore(selectUiLanguage);
  const [language, setLanguage] = useState<Language>(uiLanguage);
  const [title, setTitle] = useState(() => (source === 'blank' ? t('ui.create.defaultTitle') : ''));
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const problem = source === 'blank' ? validateTitle(title) : null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (problem || busy) return;
    setBusy(true);
    const created = await onCreate(source, language, source === 'blank' ? title.trim() : undefined);
    setBusy(false);
    if (created) onClose();
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {source === 'example' && (
          <Text size="sm" c="dimmed">
            {t('ui.create.exampleBody')}
          </Text>
        )}
        {source === 'blank' && (
          <TextInput
            label={t('ui.create.title')}
            value={title}
            onChange={(event) => setTitle(event.currentTarget.value)}
            error={submitted && problem ? t(problem.key, problem.params) : undefined}
            required
            data-autofocus
          />
        )}
        <NativeSelect
          label={t('ui.create.language')}
          description={t('ui.create.languageHint')}
          value={language}
          onChange={(event) => {
            const parsed = languageSchema.safeParse(event.currentTarget.value);
            if (parsed.success) setLanguage(parsed.data);
          }}
          data={LANGUAGES.map((code) => ({ value: code, label: t(`common.language.${code}`) }))}
          {...(source === 'example' ? { 'data-autofocus': true } : {})}
        />
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onClose}>
            {t('ui.common.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('ui.create.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
