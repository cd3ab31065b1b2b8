import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCheck, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { KPI_CATALOG, KPI_CATALOG_KEYS, kpiFromCatalog, type KpiCatalogKey } from '../../../../../shared/model/kpiCatalog';
import { fieldId } from '../../../../../shared/model/paths';
import { useAppStore } from '../../../../store/appStore';
import { useDraftSelector, useEdit, useReadOnly } from '../../fields/useField';

/**
 * The methodology's KPIs, ready to add. Names and definitions are shown and added in the agreement's
 * language, because they become part of the signed document; the buttons follow the interface language.
 */
export function KpiCatalog() {
  const { t } = useTranslation();
  const edit = useEdit();
  const readOnly = useReadOnly();
  const lang = useDraftSelector((d) => d.meta.language) ?? 'en';
  const used = useAppStore(useShallow((s) => (s.session?.draft.kpis ?? []).map((k) => k.catalogKey)));
  const count = used.length;

  const add = (key: KpiCatalogKey) => {
    edit((draft) => void draft.kpis.push(kpiFromCatalog(key, lang)));
    // The text comes prefilled; the target is what the room still has to agree on.
    requestAnimationFrame(() => document.getElementById(fieldId(['kpis', count, 'target']))?.focus());
  };

  return (
    <Paper withBorder radius="lg" p="md" bg="gray.0" component="section" aria-labelledby="kpi-catalog-title">
      <Stack gap="sm">
        <div>
          <Title order={3} size="h5" id="kpi-catalog-title">
            {t('steps.kpis.catalog.title')}
          </Title>
          <Text size="xs" c="dimmed">
            {t('steps.kpis.catalog.intro', { language: t(`common.language.${lang}`) })}
          </Text>
        </div>
        <Stack gap={8} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {KPI_CATALOG_KEYS.map((key) => {
            const entry = KPI_CATALOG[key][lang];
            const added = used.includes(key);
            return (
              <Paper key={key} component="li" withBorder radius="md" p="sm" bg="white">
                <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
                  <Text fw={600} size="sm" lh={1.3} lang={lang}>
                    {entry.name}
                  </Text>
                  {!readOnly && (
                    <Button
                      size="compact-sm"
                      variant={added ? 'subtle' : 'light'}
                      leftSection={added ? <IconCheck size={14} /> : <IconPlus size={14} />}
                      disabled={added}
                      aria-label={added ? t('steps.kpis.catalog.addedLabel', { name: entry.name }) : t('steps.kpis.catalog.addLabel', { name: entry.name })}
                      onClick={() => add(key)}
                      style={{ flexShrink: 0 }}
                    >
                      {added ? t('steps.kpis.catalog.added') : t('steps.kpis.catalog.add')}
                    </Button>
                  )}
                </Group>
                <Text size="xs" c="dimmed" mt={4} lang={lang}>
                  {entry.definition}
                </Text>
              </Paper>
            );
          })}
        </Stack>
      </Stack>
    </Paper>
  );
}
