import { ActionIcon, Group } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { HoverTooltip } from '../../../components/HoverTooltip';

interface Props {
  /** What the item is called in the buttons' accessible names ("Move Lead up"). */
  title: string;
  onUp?: () => void;
  onDown?: () => void;
  onRemove: () => void;
  /** Why the item cannot be removed, shown as the remove button's tooltip; omit when it can. */
  removeBlocked?: string;
}

/**
 * Move up / move down / remove for one item of a list: used by ListEditor and by the lists whose edits
 * must touch more than the list itself (stages, commitments grouped by team).
 */
export function ItemControls({ title, onUp, onDown, onRemove, removeBlocked }: Props) {
  const { t } = useTranslation();
  const up = t('workshop.list.moveUp', { item: title });
  const down = t('workshop.list.moveDown', { item: title });
  const remove = t('workshop.list.remove', { item: title });
  return (
    <Group gap={4} wrap="nowrap">
      <HoverTooltip label={up}>
        <ActionIcon variant="subtle" color="gray" disabled={!onUp} aria-label={up} onClick={onUp}>
          <IconArrowUp size={16} />
        </ActionIcon>
      </HoverTooltip>
      <HoverTooltip label={down}>
        <ActionIcon variant="subtle" color="gray" disabled={!onDown} aria-label={down} onClick={onDown}>
          <IconArrowDown size={16} />
        </ActionIcon>
      </HoverTooltip>
      <HoverTooltip label={removeBlocked ?? remove} multiline maw={260}>
        {/* aria-disabled rather than disabled: the button stays focusable, so the reason is reachable by keyboard too. */}
        <ActionIcon
          variant="subtle"
          color="red"
          aria-label={remove}
          aria-disabled={removeBlocked ? true : undefined}
          aria-description={removeBlocked}
          data-disabled={removeBlocked ? true : undefined}
          onClick={removeBlocked ? undefined : onRemove}
        >
          <IconTrash size={16} />
        </ActionIcon>
      </HoverTooltip>
    </Group>
  );
}
