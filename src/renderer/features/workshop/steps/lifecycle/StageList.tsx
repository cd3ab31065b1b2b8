import { Alert, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconPlus, IconRestore } from '@tabler/icons-react';
import type { Draft } from 'immer';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { LIMITS } from '../../../../../shared/model/limits';
import { fieldId } from '../../../../../shared/model/paths';
import type { Agreement } from '../../../../../shared/model/schema';
import { useAppStore } from '../../../../store/appStore';
import { useEdit, useReadOnly } from '../../fields/useField';
import { ItemControls } from '../../fields/ItemControls';
import { StageCard } from './StageCard';
import { addStage, canRemove, isRequired, moveStage, REQUIRED_KEYS, removeStage, restoreStage } from './stageEdits';

const LIST_PATH = ['lifecycle', 'stages'];
const focusSoon = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());

/**
 * The funnel's stages, in order. Looks and works like the shared ListEditor, but adding and removing a
 * stage also updates the goal targets and the handoff in the same edit (see stageEdits.ts).
 */
export function StageList() {
  const { t } = useTranslation();
  const edit = useEdit();
  const readOnly = useReadOnly();
  const stages = useAppStore(useShallow((s) => (s.session?.draft.lifecycle.stages ?? []).map((st) => `${st.id}\u001f${st.key}\u001f${st.name}`)));
  const rows = stages.map((row) => {
    const [id = '', key = 'custom', name = ''] = row.split('\u001f');
    return { id, key: key as Agreement['lifecycle']['stages'][number]['key'], name };
  });
  const missing = REQUIRED_KEYS.filter((key) => !rows.some((r) => r.key === key));

  const run = (recipe: (draft: Draft<Agreement>) => void) => edit(recipe);
  const add = () => {
    const index = rows.length;
    run((draft) => void addStage(draft));
    focusSoon(fieldId([...LIST_PATH, index, 'name']));
  };
  const remove = (index: number) => {
    run((draft) => removeStage(draft, index));
    // The removed card took the focused button with it; land somewhere sensible instead of the page top.
    focusSoon(fieldId(LIST_PATH));
  };

  return (
    <Stack gap="sm" role="group" aria-label={t('steps.lifecycle.stages.list')}>
      {!readOnly && missing.length > 0 && (
        <Alert color="orange" variant="light" title={t('steps.lifecycle.stages.missingTitle')}>
          <Group gap="xs">
            {missing.map((key, i) => (
              <Button
                key={key}
                // The "still missing" list focuses this id: restoring is what fixes a missing Lead, MQL or SQL.
                id={i === 0 ? fieldId(LIST_PATH) : undefined}
                size="xs"
                variant="white"
                color="orange"
                leftSection={<IconRestore size={14} />}
                onClick={() => run((draft) => void restoreStage(draft, key))}
              >
                {t('steps.lifecycle.stages.restore', { stage: t(`steps.lifecycle.keys.${key}`) })}
              </Button>
            ))}
          </Group>
        </Alert>
      )}
      {rows.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('workshop.list.empty')}
        </Text>
      )}
      {rows.map((row, index) => {
        const title = row.name.trim() || t('steps.lifecycle.stages.itemN', { n: index + 1 });
        const required = isRequired(row.key);
        return (
          <Paper key={row.id} withBorder radius="md" p="md">
            <Group justify="space-between" mb="sm" wrap="nowrap">
              <Group gap="xs" wrap="nowrap" miw={0}>
                <Badge variant="filled" color="gray.7" radius="sm" size="lg" aria-hidden>
                  {index + 1}
                </Badge>
                <Text fw={650} truncate>
                  {title}
                </Text>
                {required && (
                  <Badge variant="light" color="indigo" size="sm">
                    {t('steps.lifecycle.stages.requiredBadge')}
                  </Badge>
                )}
              </Group>
              {!readOnly && (
                <ItemControls
                  title={title}
                  onUp={index > 0 ? () => run((draft) => moveStage(draft, index, index - 1)) : undefined}
                  onDown={index < rows.length - 1 ? () => run((draft) => moveStage(draft, index, index + 1)) : undefined}
                  onRemove={() => remove(index)}
                  removeBlocked={canRemove(rows, index) ? undefined : t('steps.lifecycle.stages.cannotRemove', { stage: title })}
                />
              )}
            </Group>
            <StageCard index={index} required={required} />
          </Paper>
        );
      })}
      {!readOnly && (
        <Button
          id={missing.length > 0 ? undefined : fieldId(LIST_PATH)}
          variant="light"
          leftSection={<IconPlus size={16} />}
          onClick={add}
          disabled={rows.length >= LIMITS.listItems}
          w="fit-content"
        >
          {t('steps.lifecycle.stages.add')}
        </Button>
      )}
    </Stack>
  );
}
