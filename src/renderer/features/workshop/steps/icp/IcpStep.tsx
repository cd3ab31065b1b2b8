import { SimpleGrid, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { newId } from '../../../../../shared/model/ids';
import type { Agreement, Persona } from '../../../../../shared/model/schema';
import { ListEditor } from '../../fields/ListEditor';
import { TextAreaField } from '../../fields/TextAreaField';
import { TextField } from '../../fields/TextField';
import { StepSection } from '../../fields/StepSection';
import { PersonaCard } from './PersonaCard';

const COMPANY_LINES = ['industry', 'size', 'region', 'revenueBand'] as const;
const COMPANY_TEXTS = ['competition', 'challenges', 'goals'] as const;
/** What completeness.ts asks for, so the asterisks match the "still missing" list. */
const REQUIRED = new Set<string>(['industry', 'description', 'competition', 'challenges', 'goals']);

const newPersona = (): Persona => ({ id: newId(), name: '', demographics: '', role: '', priorities: '', pains: '', goals: '', notes: '' });

/** Step 1: the ideal company first, then the people inside it who buy. */
export function IcpStep() {
  const { t } = useTranslation();
  const field = <N extends keyof Agreement['icp']['company']>(name: N) => ({
    path: ['icp', 'company', name] as const,
    label: t(`steps.icp.company.${name}.label`),
    placeholder: t(`steps.icp.company.${name}.placeholder`),
    required: REQUIRED.has(name),
  });
  return (
    <Stack gap="md">
      <StepSection title={t('steps.icp.company.title')} description={t('steps.icp.company.intro')}>
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
            {COMPANY_LINES.map((name) => (
              <TextField key={name} {...field(name)} />
            ))}
          </SimpleGrid>
          <TextAreaField {...field('description')} description={t('steps.icp.company.description.help')} minRows={2} />
          <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md" verticalSpacing="sm">
            {COMPANY_TEXTS.map((name) => (
              <TextAreaField key={name} {...field(name)} minRows={3} />
            ))}
          </SimpleGrid>
        </Stack>
      </StepSection>
      <StepSection title={t('steps.icp.personas.title')} description={t('steps.icp.personas.intro')}>
        <ListEditor<Persona>
          path={['icp', 'personas']}
          label={t('steps.icp.personas.list')}
          addLabel={t('steps.icp.personas.add')}
          emptyText={t('steps.icp.personas.empty')}
          create={newPersona}
          itemTitle={(p, i) => p?.name.trim() || t('steps.icp.personas.itemN', { n: i + 1 })}
          focusField="name"
          renderItem={(index) => <PersonaCard index={index} />}
        />
      </StepSection>
    </Stack>
  );
}
