import { ActionIcon, Button, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { LIMITS } from '../../../shared/model/limits';
import { fieldId } from '../../../shared/model/paths';
import { useAppStore } from '../../store/appStore';
import { DateField } from '../workshop/fields/DateField';
import { TextAreaField } from '../workshop/fields/TextAreaField';
import { TextField } from '../workshop/fields/TextField';
import { useReadOnly } from '../workshop/fields/useField';
import { DecisionLogExportButtons } from './DecisionLogExportButtons';
import { newDecision, newestFirst } from './logItems';

const OWNERS_LIST_ID = 'decision-owner-suggestions';

/** The decision log: date, decision and owner per entry, newest first; every change autosaves and undoes. */
export function DecisionLog() {
  const { t } = useTranslation();
  const ids = useAppStore(useShallow((s) => (s.session?.draft.decisions ?? []).map((d) => d.id)));
  const names = useAppStore(useShallow((s) => [...new Set((s.session?.draft.participants ?? []).map((p) => p.name.trim()).filter(Boolean))]));
  const edit = useAppStore((s) => s.edit);
  const readOnly = useReadOnly();

  const add = () => {
    const index = ids.length;
    edit((draft) => void draft.decisions.push(newDecision(new Date())));
    requestAnimationFrame(() => document.getElementById(fieldId(['decisions', index, 'text']))?.focus());
  };
  const remove = (index: number) => edit((draft) => void draft.decisions.splice(index, 1));

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('facilitation.decisions.intro')}
      </Text>
      <Group justify="space-between" gap="xs">
        {!readOnly && (
          <Button variant="light" leftSection={<IconPlus size={16} />} onClick={add} disabled={ids.length >= LIMITS.listItems} w="fit-content">
            {t('facilitation.decisions.add')}
          </Button>
        )}
        <DecisionLogExportButtons />
      </Group>
      {ids.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('facilitation.decisions.empty')}
        </Text>
      )}
      <datalist id={OWNERS_LIST_ID}>
        {names.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      {newestFirst(ids.length).map((index) => {
        const n = index + 1;
        return (
          <Paper key={ids[index]} withBorder radius="md" p="sm" component="article" aria-label={t('facilitation.decisions.item', { n })}>
            <Group justify="space-between" mb={4} wrap="nowrap">
              <Text fw={600} size="sm">
                {t('facilitation.decisions.item', { n })}
              </Text>
              {!readOnly && (
                <Tooltip label={t('facilitation.decisions.remove', { n })}>
                  <ActionIcon variant="subtle" color="red" aria-label={t('facilitation.decisions.remove', { n })} onClick={() => remove(index)}>
                    <IconTrash size={16} />
                  </ActionIcon>
                </Tooltip>
              )}
            </Group>
            <Stack gap="xs">
              <TextAreaField path={['decisions', index, 'text']} label={t('facilitation.decisions.text')} minRows={2} />
              <Group grow gap="xs" align="flex-start">
                <DateField path={['decisions', index, 'date']} label={t('facilitation.decisions.date')} required nullable={false} />
                <TextField path={['decisions', index, 'owner']} label={t('facilitation.decisions.owner')} list={OWNERS_LIST_ID} />
              </Group>
            </Stack>
          </Paper>
        );
      })}
    </Stack>
  );
}
