import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { KeyboardEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { FieldPath } from '../../../../shared/model/completeness';
import { LIMITS } from '../../../../shared/model/limits';
import { fieldId, getAt } from '../../../../shared/model/paths';
import { useAfterFirstPaint } from '../../../lib/useAfterFirstPaint';
import { useAppStore } from '../../../store/appStore';
import { ItemControls } from './ItemControls';
import { useEdit, useReadOnly } from './useField';

interface Props<T> {
  /** Path of the array in the agreement. */
  path: FieldPath;
  /** Accessible name of the list, and the add button's text. */
  label: string;
  addLabel: string;
  create(): T;
  /** What to call item `index` in button labels and its header, e.g. the participant's name. */
  itemTitle(item: T | undefined, index: number): string;
  renderItem(index: number): ReactNode;
  /** Field inside a new item to focus after adding it (omit for lists of plain strings). */
  focusField?: string;
  emptyText?: string;
  max?: number;
  /** Compact rows (plain strings) instead of cards. */
  compact?: boolean;
  /** Enter in an item's box adds the next item below it and moves there; on by default for compact lists. */
  enterAddsItem?: boolean;
  /** Items rendered with the step when it opens (the rest follow just after); ITEMS_ON_OPEN by default. */
  itemsOnOpen?: number;
}

type Arr = unknown[];
/**
 * Items rendered with the step when it opens; the others follow in a background render right after (see
 * useAfterFirstPaint). On a laptop screen the first card or two is all that shows below the step's intro.
 */
const ITEMS_ON_OPEN = 2;
const keyOf = (item: unknown, index: number) => (item && typeof item === 'object' && 'id' in item ? String((item as { id: unknown }).id) : String(index));

/**
 * Repeatable items (participants, personas, stages, KPIs…): add, remove, move up and down with buttons, so
 * it all works from the keyboard. Every change is one undo step.
 */
export function ListEditor<T>({
  path,
  label,
  addLabel,
  create,
  itemTitle,
  renderItem,
  focusField,
  emptyText,
  max = LIMITS.listItems,
  compact,
  enterAddsItem = compact,
  itemsOnOpen = ITEMS_ON_OPEN,
}: Props<T>) {
  const { t } = useTranslation();
  const edit = useEdit();
  const readOnly = useReadOnly();
  const keys = useAppStore(useShallow((s) => ((getAt(s.session?.draft, path) as Arr | undefined) ?? []).map(keyOf)));
  const titles = useAppStore(useShallow((s) => ((getAt(s.session?.draft, path) as T[] | undefined) ?? []).map((item, i) => itemTitle(item, i))));
  const opened = useAfterFirstPaint();
  const shown = opened ? keys : keys.slice(0, itemsOnOpen);

  const mutate = (fn: (list: Arr) => void) =>
    edit((draft) => {
      const list = getAt(draft, path) as Arr | undefined;
      if (Array.isArray(list)) fn(list);
    });

  const focusItem = (index: number) =>
    requestAnimationFrame(() => document.getElementById(fieldId(focusField ? [...path, index, focusField] : [...path, index]))?.focus());
  const add = () => {
    const index = keys.length;
    mutate((list) => void list.push(create()));
    focusItem(index);
  };
  // Typing a list line by line: Enter opens the next line, as in any editor (not in a multi-line box, and not
  // while an input method is still composing a character).
  const onItemKeyDown = (index: number) => (event: KeyboardEvent<HTMLElement>) => {
    if (!enterAddsItem || readOnly || event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    if (event.shiftKey || event.altKey || event.ctrlKey || event.metaKey || !(event.target instanceof HTMLInputElement)) return;
    event.preventDefault();
    if (keys.length >= max) return;
    mutate((list) => void list.splice(index + 1, 0, create()));
    focusItem(index + 1);
  };
  const move = (from: number, to: number) =>
    mutate((list) => {
      const [item] = list.splice(from, 1);
      list.splice(to, 0, item);
    });

  return (
    <Stack gap="sm" role="group" aria-label={label}>
      {keys.length === 0 && (
        <Text size="sm" c="dimmed">
          {emptyText ?? t('workshop.list.empty')}
        </Text>
      )}
      {shown.map((key, index) => {
        const title = titles[index] || t('workshop.list.itemN', { n: index + 1 });
        const controls = !readOnly && (
          <ItemControls
            title={title}
            onUp={index > 0 ? () => move(index, index - 1) : undefined}
            onDown={index < keys.length - 1 ? () => move(index, index + 1) : undefined}
            onRemove={() => mutate((list) => void list.splice(index, 1))}
          />
        );
        return compact ? (
          <Group key={key} gap="xs" wrap="nowrap" align="flex-end" onKeyDown={onItemKeyDown(index)}>
            <div style={{ flex: 1 }}>{renderItem(index)}</div>
            {controls}
          </Group>
        ) : (
          <Paper key={key} withBorder radius="md" p="md" onKeyDown={onItemKeyDown(index)}>
            <Group justify="space-between" mb="sm" wrap="nowrap">
              <Text fw={600} size="sm" truncate>
                {title}
              </Text>
              {controls}
            </Group>
            {renderItem(index)}
          </Paper>
        );
      })}
      {!readOnly && (
        <Group gap="sm">
          {/* The list's id (focusField's fallback for an item it cannot find) only once every item is mounted:
              until then an item still to come would lose its focus to this button. */}
          <Button
            id={opened ? fieldId(path) : undefined}
            variant="light"
            leftSection={<IconPlus size={16} />}
            onClick={add}
            disabled={keys.length >= max}
            w="fit-content"
          >
            {addLabel}
          </Button>
          {enterAddsItem && keys.length > 0 && (
            <Text size="xs" c="dimmed">
              {t('workshop.list.enterHint')}
            </Text>
          )}
        </Group>
      )}
    </Stack>
  );
}
