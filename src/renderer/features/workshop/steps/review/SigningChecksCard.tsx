import { Anchor, Badge, Box, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldPath } from '../../../../../shared/model/completeness';
import { STEP_IDS, type StepId } from '../../../../../shared/model/schema';
import { useAppStore } from '../../../../store/appStore';
import { focusField } from '../../focusField';
import { MissingList } from '../../MissingList';
import type { SigningChecks } from './reviewState';

function CheckLine({ ok, children, testId }: { ok: boolean; children: ReactNode; testId: string }) {
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start" data-testid={testId} data-ok={ok}>
      <ThemeIcon size={24} radius="xl" variant="light" color={ok ? 'teal' : 'orange'} aria-hidden style={{ flexShrink: 0 }}>
        {ok ? <IconCheck size={15} /> : <IconAlertTriangle size={15} />}
      </ThemeIcon>
      <Box pt={2} style={{ flex: 1, minWidth: 0 }}>
        {children}
      </Box>
    </Group>
  );
}

/** What blocks the first signature; every line leads to the field that settles it. */
export function SigningChecksCard({ id, checks }: { id: string; checks: SigningChecks }) {
  const { t } = useTranslation();
  const navigate = useAppStore((s) => s.navigate);
  const blocking = checks.openCount + (checks.leaders.marketing.length === 0 ? 1 : 0) + (checks.leaders.sales.length === 0 ? 1 : 0);
  const go = (step: StepId, path: FieldPath) => {
    navigate({ name: 'workshop', id, step });
    window.scrollTo({ top: 0 });
    focusField(path);
  };
  const leaderLine = (team: 'marketing' | 'sales') => {
    const names = checks.leaders[team];
    const ok = names.length > 0;
    return (
      <CheckLine ok={ok} testId={`check-${team}`}>
        <Text size="sm">
          {ok
            ? t(`steps.review.checks.${team}`, { names: names.map((n) => n || t('steps.review.checks.unnamed')).join(', ') })
            : t(`steps.review.checks.${team}Missing`)}
        </Text>
        {!ok && (
          <Anchor component="button" type="button" size="sm" onClick={() => go('participants', ['participants'])}>
            {t('steps.review.checks.fix')}
          </Anchor>
        )}
      </CheckLine>
    );
  };
  return (
    <Paper withBorder radius="lg" p="lg" component="section" aria-labelledby="checks-title" data-testid="signing-checks">
      <Group justify="space-between" mb="md">
        <Title order={3} size="h4" id="checks-title">
          {t('steps.review.checks.title')}
        </Title>
        <Badge color={checks.ready ? 'teal' : 'orange'} variant="light" size="lg">
          {checks.ready ? t('steps.review.ready') : t('steps.review.notReady', { count: blocking })}
        </Badge>
      </Group>
      <Stack gap="sm">
        <CheckLine ok={checks.openCount === 0} testId="check-complete">
          <Text size="sm">{checks.openCount === 0 ? t('steps.review.checks.complete') : t('steps.review.checks.incomplete', { n: checks.openCount })}</Text>
          {checks.open.length > 0 && (
            <Stack gap="sm" mt="xs">
              {checks.open.map(({ step, items }) => (
                <div key={step}>
                  <Text size="xs" fw={600} tt="uppercase" c="dimmed" mb={4}>
                    {STEP_IDS.indexOf(step)}. {t(`common.steps.${step}`)}
                  </Text>
                  <MissingList items={items} onGo={(item) => go(step, item.path)} />
                </div>
              ))}
            </Stack>
          )}
        </CheckLine>
        {leaderLine('marketing')}
        {leaderLine('sales')}
      </Stack>
    </Paper>
  );
}
