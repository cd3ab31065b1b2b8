import { Alert, Button, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FIELD_ROLES, type CsvMapping } from '../../../../shared/actuals/mapping';
import type { ApiError } from '../../../../shared/api/errors';
import { describeError } from '../../../../shared/i18n';
import type { Stage } from '../../../../shared/model/schema';
import { mappingFromDraft, type DraftProblem, type MappingDraft } from './mappingDraft';

interface Props {
  opened: boolean;
  header: readonly string[];
  stages: readonly Pick<Stage, 'id' | 'key' | 'name'>[];
  onClose: () => void;
  /** Saves through the core; resolves to the error to show, or null when saved. */
  onSave: (mapping: CsvMapping) => Promise<ApiError | null>;
}

const emptyDraft = (): MappingDraft => ({ name: '', stages: {}, fields: {}, dateOrder: 'auto' });

/** A dialog mapping this file's columns to the agreement's stages and the import's other figures; saved by name for next time. */
export function MappingBuilder({ opened, header, stages, onClose, onSave }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<MappingDraft>(emptyDraft);
  const [problem, setProblem] = useState<DraftProblem | null>(null);
  const [saveError, setSaveError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const columns = header.map((h) => ({ value: h, label: h }));
  const pick = (label: string, value: string | undefined, change: (v: string | undefined) => void) => (
    <Select
      label={label}
      data={columns}
      value={value ?? null}
      onChange={(v) => change(typeof v === 'string' ? v : undefined)}
      placeholder={t('results.import.builder.none')}
      clearable
      searchable
    />
  );

  const close = () => {
    setDraft(emptyDraft());
    setProblem(null);
    setSaveError(null);
    onClose();
  };
  const save = async () => {
    const mapping = mappingFromDraft(draft, stages);
    if (typeof mapping === 'string') {
      setProblem(mapping);
      return;
    }
    setProblem(null);
    setSaving(true);
    const error = await onSave(mapping);
    setSaving(false);
    if (error) setSaveError(error);
    else close();
  };

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('results.import.builder.title')}
      size="xl"
      closeButtonProps={{ 'aria-label': t('results.import.builder.close') }}
    >
      <Stack gap="md">
        <Text size="sm">{t('results.import.builder.intro')}</Text>
        {header.length === 0 && <Alert color="yellow">{t('results.import.builder.noColumns')}</Alert>}
        <TextInput
          label={t('results.import.builder.name')}
          value={draft.name}
          onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })}
          required
          maxLength={200}
          error={problem === 'name' ? t('results.import.builder.needName') : undefined}
          data-autofocus
        />
        <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
          <Title order={4} component="legend">
            {t('results.import.builder.stages')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {stages.map((stage) => (
              <div key={stage.id}>
                {pick(stage.name || stage.key, draft.stages[stage.id], (v) => {
                  const next = { ...draft.stages };
                  if (v) next[stage.id] = v;
                  else delete next[stage.id];
                  setDraft({ ...draft, stages: next });
                })}
              </div>
            ))}
          </SimpleGrid>
          {problem === 'stage' && (
            <Text size="sm" c="red" role="alert">
              {t('results.import.builder.needStage')}
            </Text>
          )}
        </Stack>
        <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
          <Title order={4} component="legend">
            {t('results.import.builder.fields')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {FIELD_ROLES.map((role) => (
              <div key={role}>
                {pick(t(`results.import.field.${role}`), draft.fields[role], (v) => {
                  const next = { ...draft.fields };
                  if (v) next[role] = v;
                  else delete next[role];
                  setDraft({ ...draft, fields: next });
                })}
              </div>
            ))}
            <Select
              label={t('results.import.options.dateOrder')}
              data={[
                { value: 'auto', label: t('results.import.options.auto') },
                { value: 'dmy', label: t('results.import.options.dmy') },
                { value: 'mdy', label: t('results.import.options.mdy') },
              ]}
              value={draft.dateOrder}
              onChange={(v) => (v === 'auto' || v === 'dmy' || v === 'mdy') && setDraft({ ...draft, dateOrder: v })}
              allowDeselect={false}
            />
          </SimpleGrid>
        </Stack>
        {saveError && (
          <Alert color="red" role="alert">
            {t('results.import.builder.saveFailed', { reason: describeError(t, saveError) })}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('results.import.builder.cancel')}
          </Button>
          <Button onClick={() => void save()} loading={saving}>
            {t('results.import.builder.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
