import { SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TextAreaField } from '../../fields/TextAreaField';
import { StepSection } from '../../fields/StepSection';

const CRITERIA = ['authority', 'need', 'understanding', 'fit'] as const;

/** The four things a lead must show before sales takes it: the heart of the agreement, so it stands out. */
export function SqlCriteria() {
  const { t } = useTranslation();
  return (
    <StepSection title={t('steps.lifecycle.sql.title')} description={t('steps.lifecycle.sql.intro')} highlight>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" verticalSpacing="md">
        {CRITERIA.map((c) => (
          <TextAreaField
            key={c}
            path={['lifecycle', 'sqlCriteria', c]}
            label={t(`steps.lifecycle.sql.${c}.label`)}
            description={t(`steps.lifecycle.sql.${c}.help`)}
            placeholder={t(`steps.lifecycle.sql.${c}.placeholder`)}
            required
          />
        ))}
      </SimpleGrid>
    </StepSection>
  );
}
