import { Box, SimpleGrid, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TEAMS, type Stage } from '../../../../../shared/model/schema';
import { SelectField } from '../../fields/SelectField';
import { SwitchField } from '../../fields/SwitchField';
import { TextAreaField } from '../../fields/TextAreaField';
import { TextField } from '../../fields/TextField';
import type { LabelledUnder } from '../../../../../shared/i18n';

/**
 * One stage's fields; the card is a group named "Stage N". Lead, MQL and SQL are never optional, so only
 * the other stages show the switch.
 */
export function StageCard({ index, required }: { index: number; required: boolean }) {
  const { t } = useTranslation();
  const field = <N extends keyof Stage & LabelledUnder<'steps.lifecycle.stage'>>(name: N) => ({
    path: ['lifecycle', 'stages', index, name] as const,
    label: t(`steps.lifecycle.stage.${name}.label`),
  });
  return (
    <Stack gap="sm" role="group" aria-label={t('steps.lifecycle.stages.itemN', { n: index + 1 })}>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md" verticalSpacing="sm">
        <TextField {...field('name')} placeholder={t('steps.lifecycle.stage.name.placeholder')} required />
        <SelectField {...field('owner')} options={TEAMS.map((team) => ({ value: team, label: t(`common.teams.${team}`) }))} />
        {!required && (
          // On the inputs' baseline, beside name and team.
          <Box pt={{ base: 0, sm: 30 }}>
            <SwitchField {...field('optional')} description={t('steps.lifecycle.stage.optional.help')} />
          </Box>
        )}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" verticalSpacing="sm">
        <TextAreaField {...field('definition')} placeholder={t('steps.lifecycle.stage.definition.placeholder')} required />
        <TextAreaField {...field('entryCriteria')} placeholder={t('steps.lifecycle.stage.entryCriteria.placeholder')} required />
      </SimpleGrid>
    </Stack>
  );
}
