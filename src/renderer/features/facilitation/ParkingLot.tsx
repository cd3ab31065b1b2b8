import { ActionIcon, Button, Checkbox, Group, Paper, Stack, Text, Textarea, TextInput, Tooltip } from '@mantine/core';
import { IconParking, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { formatMoment } from '../../../shared/model/calendarFormat';
import { LIMITS } from '../../../shared/model/limits';
import { fieldId } from '../../../shared/model/paths';
import type { Agreement } from '../../../shared/model/schema';
import { useAppStore } from '../../store/appStore';
import { useFieldValue, useReadOnly, useSetField } from '../workshop/fields/useField';
import { newestFirst, newParkingItem, shortLabel } from './logItems';
import { growingTextareaStyle } from '../workshop/fields/growingTextarea';

type ParkingItem = Agreement['parkingLot'][number];

function ParkedTopic({ index }: { index: number }) {
  const { t, i18n } = useTranslation();
  const item = useFieldValue<ParkingItem | undefined>(['parkingLot', index]);
  const setField = useSetField();
  const edit = useAppStore((s) => s.edit);
  const readOnly = useReadOnly();
  if (!item) return null;
  const name = shortLabel(item.text, t('facilitation.parking.untitled'));
  const parkedAt = formatMoment(item.createdAt, i18n.language, 'short');
  const textPath = ['parkingLot', index, 'text'] as const;
  return (
    <Paper withBorder radius="md" p="sm" bg={item.resolved ? 'gray.0' : undefined} data-resolved={item.resolved}>
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <Checkbox
          mt={8}
          checked={item.resolved}
          disabled={readOnly}
          aria-label={t('facilitation.parking.resolved', { item: name })}
          onChange={(event) => setField(['parkingLot', index, 'resolved'], event.currentTarget.checked)}
        />
        <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
          <Textarea
            id={fieldId(textPath)}
            aria-label={t('facilitation.parking.text', { n: index + 1 })}
            rows={1}
            value={item.text}
            maxLength={LIMITS.longText}
            readOnly={readOnly}
            // Resolved topics stay readable but step back; the checkbox, not the strike-through, carries the state.
            styles={{
              input: { ...growingTextareaStyle(1, 8), ...(item.resolved ? { textDecoration: 'line-through', color: 'var(--mantine-color-dimmed)' } : {}) },
            }}
            onChange={(event) => setField(textPath, event.currentTarget.value)}
          />
          <Text size="xs" c="dimmed">
            {t('facilitation.parking.parkedAt', { time: parkedAt })}
          </Text>
        </Stack>
        {!readOnly && (
          <Tooltip label={t('facilitation.parking.remove', { item: name })}>
            <ActionIcon
              mt={4}
              variant="subtle"
              color="red"
              aria-label={t('facilitation.parking.remove', { item: name })}
              onClick={() => edit((draft) => void draft.parkingLot.splice(index, 1))}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Tooltip>
        )}
      </Group>
    </Paper>
  );
}

/** The parking lot: type a topic and press Enter to park it; tick it off when it has been dealt with. */
export function ParkingLot() {
  const { t } = useTranslation();
  const ids = useAppStore(useShallow((s) => (s.session?.draft.parkingLot ?? []).map((p) => p.id)));
  const edit = useAppStore((s) => s.edit);
  const readOnly = useReadOnly();
  const [text, setText] = useState('');
  const full = ids.length >= LIMITS.listItems;

  const add = () => {
    const item = newParkingItem(text, new Date(), LIMITS.longText);
    if (!item || full) return;
    edit((draft) => void draft.parkingLot.push(item));
    setText('');
  };

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('facilitation.parking.intro')}
      </Text>
      {!readOnly && (
        <Group gap="xs" align="flex-end" wrap="nowrap">
          <TextInput
            id="parking-new-topic"
            // Opening the parking lot ("park this") is for typing a topic: the drawer puts the cursor here.
            data-autofocus
            style={{ flex: 1 }}
            label={t('facilitation.parking.newItem')}
            placeholder={t('facilitation.parking.newPlaceholder')}
            value={text}
            maxLength={LIMITS.longText}
            disabled={full}
            onChange={(event) => setText(event.currentTarget.value)}
            onKeyDown={(event) => {
              // Enter while an IME is composing picks a candidate; it must not add the half-typed topic.
              if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
                event.preventDefault();
                add();
              }
            }}
          />
          <Button variant="light" leftSection={<IconParking size={16} />} onClick={add} disabled={full || !text.trim()}>
            {t('facilitation.parking.add')}
          </Button>
        </Group>
      )}
      {ids.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('facilitation.parking.empty')}
        </Text>
      )}
      <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {newestFirst(ids.length).map((index) => (
          <li key={ids[index]}>
            <ParkedTopic index={index} />
          </li>
        ))}
      </Stack>
    </Stack>
  );
}
