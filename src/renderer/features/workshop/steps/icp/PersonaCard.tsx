import { SimpleGrid, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Persona } from '../../../../../shared/model/schema';
import { TextAreaField } from '../../fields/TextAreaField';
import { TextField } from '../../fields/TextField';
import type { LabelledUnder } from '../../../../../shared/i18n';

/** Paired so each row reads as one question: who they are · what they do, what they want · what hurts. */
const ROWS = [
  ['role', 'priorities'],
  ['pains', 'goals'],
] as const;
const REQUIRED = new Set<string>(['name', 'role', 'priorities', 'pains']);

/** One buyer persona; the card is a group named "Persona N" (stable while the name is being typed). */
export function PersonaCard({ index }: { index: number }) {
  const { t } = useTranslation();
  const field = <N extends keyof Persona & LabelledUnder<'steps.icp.persona'>>(name: N) => ({
    path: ['icp', 'personas', index, name] as const,
    label: t(`steps.icp.persona.${name}.label`),
    placeholder: t(`steps.icp.persona.${name}.placeholder`),
    required: REQUIRED.has(name),
  });
  return (
    <Stack gap="sm" role="group" aria-label={t('steps.icp.personas.itemN', { n: index + 1 })}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
        <TextField {...field('name')} />
        {/* Demographics may run longer than a line; a one-row area that grows keeps the row aligned. */}
        <TextAreaField {...field('demographics')} minRows={1} />
        {ROWS.flat().map((name) => (
          <TextAreaField key={name} {...field(name)} />
        ))}
      </SimpleGrid>
      <TextAreaField {...field('notes')} minRows={1} />
    </Stack>
  );
}
