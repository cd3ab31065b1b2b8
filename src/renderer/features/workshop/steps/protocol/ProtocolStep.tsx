import { Grid, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ListEditor } from '../../fields/ListEditor';
import { NumberField } from '../../fields/NumberField';
import { SelectField } from '../../fields/SelectField';
import { TextAreaField } from '../../fields/TextAreaField';
import { TextField } from '../../fields/TextField';
import { StepSection } from '../../fields/StepSection';
import { ChannelsField } from './ChannelsField';
import { CommitmentsEditor } from './CommitmentsEditor';

const FREQUENCIES = ['daily', 'weekly', 'monthly'] as const;
const REASONS = ['protocol', 'rejection', 'reasons'] as const;

/** Step 5: how a lead is worked once sales has it, what comes back to marketing, and what each side commits to. */
export function ProtocolStep() {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <StepSection title={t('steps.protocol.contact.title')} description={t('steps.protocol.contact.intro')}>
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md" verticalSpacing="sm">
            <NumberField
              path={['protocol', 'firstContactBusinessHours']}
              label={t('steps.protocol.contact.firstContact.label')}
              description={t('steps.protocol.contact.firstContact.help')}
              placeholder={t('steps.protocol.contact.firstContact.placeholder')}
              suffix={t('steps.protocol.contact.firstContact.suffix')}
              decimals={1}
              max={24 * 365}
              required
            />
            <NumberField
              path={['protocol', 'contactAttempts']}
              label={t('steps.protocol.contact.attempts.label')}
              description={t('steps.protocol.contact.attempts.help')}
              placeholder={t('steps.protocol.contact.attempts.placeholder')}
              max={1000}
              required
            />
            <NumberField
              path={['protocol', 'attemptWindowDays']}
              label={t('steps.protocol.contact.attemptWindow.label')}
              description={t('steps.protocol.contact.attemptWindow.help')}
              placeholder={t('steps.protocol.contact.attemptWindow.placeholder')}
              suffix={t('steps.protocol.contact.attemptWindow.suffix')}
              max={3650}
              required
            />
          </SimpleGrid>
          <ChannelsField />
        </Stack>
      </StepSection>

      <StepSection title={t('steps.protocol.closedLoop.title')} description={t('steps.protocol.closedLoop.intro')}>
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 8 }}>
            <TextAreaField
              path={['protocol', 'closedLoop', 'report']}
              label={t('steps.protocol.closedLoop.report.label')}
              placeholder={t('steps.protocol.closedLoop.report.placeholder')}
              required
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <SelectField
              path={['protocol', 'closedLoop', 'frequency']}
              label={t('steps.protocol.closedLoop.frequency.label')}
              options={FREQUENCIES.map((f) => ({ value: f, label: t(`steps.protocol.frequencies.${f}`) }))}
            />
          </Grid.Col>
        </Grid>
      </StepSection>

      <StepSection title={t('steps.protocol.rejection.title')} description={t('steps.protocol.rejection.intro')}>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" verticalSpacing="md">
          <Stack gap={6}>
            <Text size="sm" fw={500}>
              {t('steps.protocol.rejection.reasons.list')}
            </Text>
            <ListEditor<string>
              path={REASONS}
              label={t('steps.protocol.rejection.reasons.list')}
              addLabel={t('steps.protocol.rejection.reasons.add')}
              emptyText={t('steps.protocol.rejection.reasons.empty')}
              create={() => ''}
              itemTitle={(reason, i) => reason?.trim() || t('steps.protocol.rejection.reasons.itemN', { n: i + 1 })}
              compact
              renderItem={(index) => (
                <TextField
                  path={[...REASONS, index]}
                  label={t('steps.protocol.rejection.reasons.itemN', { n: index + 1 })}
                  placeholder={t('steps.protocol.rejection.reasons.placeholder')}
                />
              )}
            />
          </Stack>
          <TextAreaField
            path={['protocol', 'rejection', 'recycling']}
            label={t('steps.protocol.rejection.recycling.label')}
            description={t('steps.protocol.rejection.recycling.help')}
            placeholder={t('steps.protocol.rejection.recycling.placeholder')}
            minRows={4}
            required
          />
        </SimpleGrid>
      </StepSection>

      <StepSection title={t('steps.protocol.commitments.title')} description={t('steps.protocol.commitments.intro')}>
        <CommitmentsEditor />
      </StepSection>
    </Stack>
  );
}
