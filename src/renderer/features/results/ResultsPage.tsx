import { Alert, Button, Container, Group, Loader, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconChartBar, IconFileImport, IconTable } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { ApiError } from '../../../shared/api/errors';
import { describeError } from '../../../shared/i18n';
import type { Agreement } from '../../../shared/model/schema';
import { api } from '../../api/apiClient';
import { useAppStore } from '../../store/appStore';
import { RESULTS_VIEWS, type ResultsView } from '../../store/route';
import { FiguresPanel } from './figures/FiguresPanel';
import { ImportPanel } from './import/ImportPanel';
import { ResultsContext } from './ResultsContext';
import { ReviewPanel } from './review/ReviewPanel';
import { SaveStatus } from './SaveStatus';
import { createActualsStore } from './state/actualsStore';

const ICONS = { figures: IconTable, review: IconChartBar, import: IconFileImport } as const;

/**
 * An agreement's monthly results: the figures by month (typed or imported), the month's review against the
 * agreement, and the CSV import. Allowed on signed versions: actuals live beside the agreement, per lineage,
 * and never touch what was signed.
 */
export function ResultsPage({ id, view }: { id: string; view: ResultsView }) {
  const { t } = useTranslation();
  const navigate = useAppStore((s) => s.navigate);
  const [agreement, setAgreement] = useState<Agreement | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);
  const actuals = useMemo(() => createActualsStore(id), [id]);
  const status = useStore(actuals, (s) => s.status);
  const loadError = useStore(actuals, (s) => s.loadError);

  useEffect(() => {
    let live = true;
    setError(null);
    void api()
      .send('agreements.get', { id })
      .then((result) => {
        if (!live) return;
        if (result.ok) setAgreement(result.value.agreement);
        else setError(result.error);
      });
    void actuals.getState().load();
    return () => {
      live = false;
    };
  }, [id, actuals, attempt]);

  // Leaving the screen saves what is pending (the timer would otherwise be dropped with the store).
  useEffect(
    () => () => {
      void actuals.getState().flush();
      actuals.getState().dispose();
    },
    [actuals],
  );

  const problem = error ?? (status === 'failed' ? loadError : null);
  const context = useMemo(() => (agreement ? { agreement, actuals } : null), [agreement, actuals]);

  return (
    <Container size="xl" py="md">
      <Stack gap="lg" component="main" aria-labelledby="results-title">
        <Group justify="space-between" wrap="wrap">
          <Button variant="subtle" leftSection={<IconArrowLeft size={16} />} onClick={() => navigate({ name: 'home' })} w="fit-content">
            {t('results.back')}
          </Button>
          <Button variant="default" onClick={() => navigate({ name: 'workshop', id, step: 'review' })}>
            {t('results.openWorkshop')}
          </Button>
        </Group>
        <Stack gap={4}>
          <Title order={1} id="results-title">
            {agreement ? `${t('results.title')} · ${agreement.meta.title}` : t('results.title')}
          </Title>
          <Text c="dimmed">{t('results.intro')}</Text>
        </Stack>
        {problem && (
          <Alert color="red" role="alert">
            <Group justify="space-between">
              <Text size="sm">{t('results.loadFailed', { reason: describeError(t, problem) })}</Text>
              <Button size="compact-sm" variant="light" color="red" onClick={() => setAttempt((n) => n + 1)}>
                {t('results.reload')}
              </Button>
            </Group>
          </Alert>
        )}
        {!problem && (!context || status === 'loading') && <Loader aria-label={t('results.title')} />}
        {!problem && context && status === 'ready' && (
          <ResultsContext.Provider value={context}>
            <SaveStatus />
            <Tabs value={view} onChange={(next) => next && navigate({ name: 'results', id, view: next as ResultsView })} keepMounted={false}>
              <Tabs.List aria-label={t('results.tabs.label')}>
                {RESULTS_VIEWS.map((v) => {
                  const Icon = ICONS[v];
                  return (
                    <Tabs.Tab key={v} value={v} leftSection={<Icon size={16} aria-hidden />}>
                      {t(`results.tabs.${v}`)}
                    </Tabs.Tab>
                  );
                })}
              </Tabs.List>
              <Tabs.Panel value="figures" pt="lg">
                <FiguresPanel />
              </Tabs.Panel>
              <Tabs.Panel value="review" pt="lg">
                <ReviewPanel />
              </Tabs.Panel>
              <Tabs.Panel value="import" pt="lg">
                <ImportPanel onShowFigures={() => navigate({ name: 'results', id, view: 'figures' })} />
              </Tabs.Panel>
            </Tabs>
          </ResultsContext.Provider>
        )}
      </Stack>
    </Container>
  );
}
