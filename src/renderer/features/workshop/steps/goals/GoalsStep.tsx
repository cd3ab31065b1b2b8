import { Grid, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NumberField } from '../../fields/NumberField';
import { TextAreaField } from '../../fields/TextAreaField';
import { FunnelCalculator } from './FunnelCalculator';
import { TargetsTable } from './TargetsTable';
import { TargetWarnings } from './TargetWarnings';

/**
 * Step 3, goals: monthly targets per stage and what they rest on, the reverse-funnel calculator that checks
 * them against the revenue goal, and the monthly meeting where both teams compare results with targets.
 */
export function GoalsStep() {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <Paper withBorder radius="lg" p="lg" component="section" aria-labelledby="targets-title">
        <Stack gap="md">
          <div>
            <Title order={3} size="h4" id="targets-title">
              {t('steps.goals.targets.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('steps.goals.targets.description')}
            </Text>
          </div>
          <TargetsTable />
          <TargetWarnings />
          <TextAreaField
            path={['goals', 'basis']}
            label={t('steps.goals.basis.label')}
            description={t('steps.goals.basis.description')}
            placeholder={t('steps.goals.basis.placeholder')}
            required
          />
        </Stack>
      </Paper>

      <FunnelCalculator />

      <Paper withBorder radius="lg" p="lg" component="section" aria-labelledby="meeting-title">
        <Stack gap="md">
          <Title order={3} size="h4" id="meeting-title">
            {t('steps.goals.meeting.title')}
          </Title>
          <Grid gap="md" align="flex-start">
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <NumberField
                path={['goals', 'reviewMeeting', 'dayOfMonth']}
                label={t('steps.goals.meeting.day')}
                description={t('steps.goals.meeting.dayDescription')}
                min={1}
                max={28}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 8 }}>
              <TextAreaField
                path={['goals', 'reviewMeeting', 'description']}
                label={t('steps.goals.meeting.description')}
                description={t('steps.goals.meeting.descriptionHelp')}
                placeholder={t('steps.goals.meeting.placeholder')}
                required
              />
            </Grid.Col>
          </Grid>
        </Stack>
      </Paper>
    </Stack>
  );
}
