import { Alert, Badge, Button, Center, Container, Grid, Group, Loader, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconArrowLeft, IconInfoCircle } from '@tabler/icons-react';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../shared/i18n';
import { checkCompleteness } from '../../../shared/model/completeness';
import type { Agreement, StepId } from '../../../shared/model/schema';
import { formatDateTime } from '../../lib/formatDate';
import { useAppStore } from '../../store/appStore';
import { MissingItems } from './MissingItems';
import { StepNav } from './StepNav';
import { useAgreementRecord } from './useAgreementRecord';

const STATUS_COLORS = { draft: 'gray', signed: 'teal', superseded: 'orange' } as const;

/**
 * The workshop for one agreement. For now it shows where the group stands, step by step; the forms of
 * each step come next, in the same layout.
 */
export function WorkshopPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const navigate = useAppStore((s) => s.navigate);
  const { state, reload } = useAgreementRecord(id);
  const back = (
    <Button variant="subtle" leftSection={<IconArrowLeft size={16} />} onClick={() => navigate({ name: 'home' })} w="fit-content">
      {t('ui.workshop.back')}
    </Button>
  );

  if (state.status === 'loading') {
    return (
      <Center py={96}>
        <Loader aria-label={t('ui.workshop.loading')} />
      </Center>
    );
  }
  if (state.status === 'failed') {
    const notFound = state.error.kind === 'not_found';
    return (
      <Container size="sm" py="xl">
        <Stack gap="md">
          {back}
          <Alert color={notFound ? 'gray' : 'red'} variant="light" icon={<IconAlertTriangle size={18} />} title={t(notFound ? 'ui.workshop.notFoundTitle' : 'ui.workshop.loadFailed')}>
            <Text size="sm">{notFound ? t('ui.workshop.notFoundBody') : describeError(t, state.error)}</Text>
            {!notFound && (
              <Button size="xs" variant="white" color="red" mt="sm" onClick={reload}>
                {t('ui.common.retry')}
              </Button>
            )}
          </Alert>
        </Stack>
      </Container>
    );
  }
  return <WorkshopOverview agreement={state.record.agreement} back={back} />;
}

function WorkshopOverview({ agreement, back }: { agreement: Agreement; back: ReactNode }) {
  const { t, i18n } = useTranslation();
  const completeness = useMemo(() => checkCompleteness(agreement), [agreement]);
  const [selected, setSelected] = useState<StepId>(() => completeness.steps.find((s) => !s.complete)?.step ?? 'participants');
  const selectedStep = completeness.steps.find((s) => s.step === selected) ?? completeness.steps[0];
  const done = completeness.steps.filter((s) => s.complete).length;
  const total = completeness.steps.length;
  const { meta } = agreement;

  return (
    <Container size="lg" py="md">
      <Stack gap="lg">
        {back}
        <Paper withBorder radius="lg" p="xl">
          <Group justify="space-between" align="flex-start" wrap="wrap" gap="lg">
            <Stack gap={6} style={{ minWidth: 0, flex: 1 }}>
              <Title order={1} size="h2">
                {meta.title}
              </Title>
              <Text c="dimmed">{meta.company || t('ui.row.noCompany')}</Text>
              <Group gap="xs" mt={4}>
                <Badge variant="light" color={STATUS_COLORS[meta.status]}>
                  {t(`common.status.${meta.status}`)}
                </Badge>
                <Badge variant="outline" color="indigo">
                  {t(`common.language.${meta.language}`)}
                </Badge>
                <Text size="sm" c="dimmed">
                  {t('ui.row.version', { version: meta.version })} · {t('ui.workshop.updated', { when: formatDateTime(meta.updatedAt, i18n.language) })}
                </Text>
              </Group>
            </Stack>
            <Stack gap={6} w={240}>
              <Text size="sm" fw={500}>
                {t('ui.row.progress', { done, total })}
              </Text>
              <Progress value={(done / total) * 100} radius="xl" aria-hidden />
            </Stack>
          </Group>
        </Paper>
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, sm: 5, md: 4 }}>
            <StepNav steps={completeness.steps} selected={selected} onSelect={setSelected} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 7, md: 8 }}>
            <Stack gap="md">
              {selectedStep && <MissingItems step={selectedStep} />}
              <Alert variant="light" color="indigo" icon={<IconInfoCircle size={18} />}>
                {t('ui.workshop.comingSoon')}
              </Alert>
            </Stack>
          </Grid.Col>
        </Grid>
      </Stack>
    </Container>
  );
}
