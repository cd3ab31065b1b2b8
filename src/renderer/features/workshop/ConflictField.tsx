import { Fieldset, Paper, Radio, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Choice, ConflictView } from './conflictView';

interface ConflictFieldProps {
  view: ConflictView;
  index: number;
  choice: Choice | undefined;
  combined: string | undefined;
  onChoice(choice: Choice): void;
  onCombined(text: string): void;
}

/** One field both windows changed: both values side by side, then what to keep. */
export function ConflictField({ view, index, choice, combined, onChoice, onCombined }: ConflictFieldProps) {
  const { t } = useTranslation();
  const id = `conflict-${index}`;
  const removal = view.kind !== 'value';
  const options: { value: Choice; label: string }[] = removal
    ? [
        { value: 'mine', label: t(view.kind === 'removedHere' ? 'workshop.conflict.removeIt' : 'workshop.conflict.keepItMine') },
        { value: 'theirs', label: t(view.kind === 'removedHere' ? 'workshop.conflict.keepItTheirs' : 'workshop.conflict.removeIt') },
      ]
    : [
        { value: 'mine', label: t('workshop.conflict.keepMine') },
        { value: 'theirs', label: t('workshop.conflict.keepTheirs') },
        ...(view.combine ? [{ value: 'combined' as const, label: t('workshop.conflict.combine') }] : []),
      ];
  const side = (heading: string, text: string, which: 'mine' | 'theirs') => (
    <Paper withBorder p="sm" radius="sm" bg={choice === which ? 'blue.0' : undefined} data-testid={`${id}-${which}`}>
      <Text size="xs" fw={700} tt="uppercase" c="gray.8" mb={4}>
        {heading}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {text}
      </Text>
    </Paper>
  );
  const Box = view.combine?.multiline ? Textarea : TextInput;
  return (
    <Fieldset legend={view.label} variant="filled" data-testid="conflict-field">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {side(t('workshop.conflict.mine'), view.mine, 'mine')}
          {side(t('workshop.conflict.theirs'), view.theirs, 'theirs')}
        </SimpleGrid>
        <Radio.Group label={t('workshop.conflict.choice')} value={choice ?? null} onChange={(value) => onChoice(value as Choice)} name={id}>
          <Stack gap={6} mt={6}>
            {options.map((option) => (
              <Radio key={option.value} value={option.value} label={option.label} />
            ))}
          </Stack>
        </Radio.Group>
        {choice === 'combined' && view.combine && (
          <Box
            label={t('workshop.conflict.combined')}
            value={combined ?? view.combine.initial}
            onChange={(event) => onCombined(event.currentTarget.value)}
            maxLength={view.combine.maxLength}
            {...(view.combine.multiline ? { autosize: true, minRows: 3, maxRows: 12 } : {})}
            data-autofocus
          />
        )}
      </Stack>
    </Fieldset>
  );
}
