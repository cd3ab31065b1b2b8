import { Grid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { newId } from '../../../../../shared/model/ids';
import type { Kpi } from '../../../../../shared/model/schema';
import { ListEditor } from '../../fields/ListEditor';
import { KpiCatalog } from './KpiCatalog';
import { KpiFields } from './KpiFields';

const customKpi = (): Kpi => ({
  id: newId(),
  catalogKey: null,
  name: '',
  definition: '',
  formula: '',
  target: null,
  unit: 'percent',
  frequency: 'monthly',
  dataSource: '',
  owner: 'marketing',
});

/** Step 6, KPIs: the agreement's indicators beside the methodology's catalog to pick them from. */
export function KpisStep() {
  const { t } = useTranslation();
  return (
    <Grid gap="lg" align="flex-start">
      <Grid.Col span={{ base: 12, lg: 8 }}>
        <ListEditor<Kpi>
          path={['kpis']}
          label={t('steps.kpis.list.label')}
          addLabel={t('steps.kpis.list.add')}
          create={customKpi}
          itemTitle={(kpi, index) => kpi?.name.trim() || t('steps.kpis.list.itemN', { n: index + 1 })}
          renderItem={(index) => <KpiFields index={index} />}
          focusField="name"
          emptyText={t('steps.kpis.list.empty')}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 4 }}>
        <KpiCatalog />
      </Grid.Col>
    </Grid>
  );
}
