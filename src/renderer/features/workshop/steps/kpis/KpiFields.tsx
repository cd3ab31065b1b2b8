import { Grid, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../../shared/model/limits';
import { FREQUENCIES, KPI_UNITS, TEAMS, type Kpi } from '../../../../../shared/model/schema';
import { NumberField } from '../../fields/NumberField';
import { SelectField } from '../../fields/SelectField';
import { TextAreaField } from '../../fields/TextAreaField';
import { TextField } from '../../fields/TextField';
import { useDraftSelector } from '../../fields/useField';
import { currencyAffix, useFormatters } from '../goals/format';

/** The target box shows its unit, so "90" reads as 90 % or 90 hours without looking elsewhere. */
function useTargetAffix(unit: Kpi['unit'] | undefined): { prefix?: string; suffix?: string } {
  const { t } = useTranslation();
  const { locale } = useFormatters();
  const currency = useDraftSelector((d) => d.meta.currency) ?? 'EUR';
  switch (unit) {
    case 'percent':
      return { suffix: ' %' };
    case 'currency':
      return currencyAffix(locale, currency);
    case 'hours':
    case 'days':
      return { suffix: t(`steps.kpis.suffix.${unit}`) };
    default:
      return {};
  }
}

/** One KPI's fields. Name, definition and formula are agreement content, written in the agreement's language. */
export function KpiFields({ index }: { index: number }) {
  const { t } = useTranslation();
  const path = ['kpis', index] as const;
  const unit = useDraftSelector((d) => d.kpis[index]?.unit);
  const affix = useTargetAffix(unit);
  return (
    <Stack gap="sm">
      <TextField path={[...path, 'name']} label={t('steps.kpis.fields.name')} required />
      <TextAreaField
        path={[...path, 'definition']}
        label={t('steps.kpis.fields.definition')}
        placeholder={t('steps.kpis.fields.definitionPlaceholder')}
        minRows={1}
        required
      />
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, sm: 8 }}>
          <TextAreaField
            path={[...path, 'formula']}
            label={t('steps.kpis.fields.formula')}
            placeholder={t('steps.kpis.fields.formulaPlaceholder')}
            minRows={1}
            required
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <TextField
            path={[...path, 'dataSource']}
            label={t('steps.kpis.fields.dataSource')}
            placeholder={t('steps.kpis.fields.dataSourcePlaceholder')}
            required
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, sm: 3 }}>
          {/* A target may be a fall ("−5 %" cost per lead), as the model allows. */}
          <NumberField
            path={[...path, 'target']}
            label={t('steps.kpis.fields.target')}
            decimals={2}
            min={-LIMITS.maxNumber}
            required
            money={unit === 'currency'}
            {...affix}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, sm: 3 }}>
          <SelectField
            path={[...path, 'unit']}
            label={t('steps.kpis.fields.unit')}
            options={KPI_UNITS.map((value) => ({ value, label: t(`steps.kpis.units.${value}`) }))}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, sm: 3 }}>
          <SelectField
            path={[...path, 'frequency']}
            label={t('steps.kpis.fields.frequency')}
            options={FREQUENCIES.map((value) => ({ value, label: t(`steps.kpis.frequencies.${value}`) }))}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, sm: 3 }}>
          <SelectField
            path={[...path, 'owner']}
            label={t('steps.kpis.fields.owner')}
            options={TEAMS.map((value) => ({ value, label: t(`common.teams.${value}`) }))}
          />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
