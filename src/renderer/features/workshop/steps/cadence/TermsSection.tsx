import { Grid, Group, Radio, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ESCALATION_DAYS_MAX, TERM_KINDS, TERM_MONTHS_MAX } from '../../../../../shared/model/schema';
import { DateField } from '../../fields/DateField';
import { NumberField } from '../../fields/NumberField';
import { SelectField } from '../../fields/SelectField';
import { StepSection } from '../../fields/StepSection';
import { TextAreaField } from '../../fields/TextAreaField';
import { TextField } from '../../fields/TextField';
import { fieldId, useFieldValue, useReadOnly, useSetField } from '../../fields/useField';

const CONFIDENTIAL_PATH = ['terms', 'confidentiality', 'required'] as const;

/** Yes or no, starting undecided (null) so "nobody asked" stays visible to the completeness check. */
function ConfidentialityChoice() {
  const { t } = useTranslation();
  const required = useFieldValue<boolean | null>(CONFIDENTIAL_PATH);
  const setField = useSetField();
  const readOnly = useReadOnly();
  return (
    <Radio.Group
      id={fieldId(CONFIDENTIAL_PATH)}
      label={t('steps.cadence.terms.confidential')}
      description={t('steps.cadence.terms.confidentialHelp')}
      withAsterisk
      value={required === null || required === undefined ? '' : required ? 'yes' : 'no'}
      onChange={(value) => setField(CONFIDENTIAL_PATH, value === 'yes')}
    >
      <Group gap="lg" mt="xs">
        <Radio value="yes" label={t('steps.cadence.terms.yes')} disabled={readOnly} />
        <Radio value="no" label={t('steps.cadence.terms.no')} disabled={readOnly} />
      </Group>
    </Radio.Group>
  );
}

/** The Terms part of step 7: the clauses a legal reviewer expects before anyone signs. */
export function TermsSection() {
  const { t } = useTranslation();
  const term = useFieldValue<string | null>(['terms', 'term']);
  const confidential = useFieldValue<boolean | null>(CONFIDENTIAL_PATH);
  return (
    <StepSection title={t('steps.cadence.terms.title')} description={t('steps.cadence.terms.help')}>
      <Stack gap="lg">
        <Grid gap="lg" align="flex-start">
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <DateField
              path={['terms', 'effectiveDate']}
              label={t('steps.cadence.terms.effectiveDate')}
              description={t('steps.cadence.terms.effectiveDateHelp')}
              required
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <Stack gap="md">
              <SelectField
                path={['terms', 'term']}
                label={t('steps.cadence.terms.term')}
                required
                nullable
                nullLabel={t('steps.cadence.terms.termUnset')}
                options={TERM_KINDS.map((kind) => ({ value: kind, label: t(`steps.cadence.terms.termKinds.${kind}`) }))}
              />
              {term === 'months' && (
                <NumberField path={['terms', 'termMonths']} label={t('steps.cadence.terms.termMonths')} min={1} max={TERM_MONTHS_MAX} required />
              )}
            </Stack>
          </Grid.Col>
        </Grid>

        <Stack gap="sm">
          <Text fw={600}>{t('steps.cadence.terms.escalationTitle')}</Text>
          <Text size="sm" c="dimmed">
            {t('steps.cadence.terms.escalationHelp')}
          </Text>
          <Grid gap="lg" align="flex-start">
            <Grid.Col span={{ base: 12, sm: 8 }}>
              <TextField path={['terms', 'escalation', 'to']} label={t('steps.cadence.terms.escalationTo')} required />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <NumberField
                path={['terms', 'escalation', 'withinDays']}
                label={t('steps.cadence.terms.escalationDays')}
                min={1}
                max={ESCALATION_DAYS_MAX}
                required
              />
            </Grid.Col>
          </Grid>
          <TextAreaField
            path={['terms', 'escalation', 'remedy']}
            label={t('steps.cadence.terms.remedy')}
            description={t('steps.cadence.terms.remedyHelp')}
            required
          />
        </Stack>

        <Stack gap="sm">
          <Text fw={600}>{t('steps.cadence.terms.amendmentTitle')}</Text>
          <Text size="sm">{t('document.terms.amendmentRule')}</Text>
          <TextAreaField path={['terms', 'amendmentNotes']} label={t('steps.cadence.terms.amendmentNotes')} description={t('steps.cadence.terms.optional')} />
        </Stack>

        <Stack gap="sm">
          <ConfidentialityChoice />
          {confidential === true && (
            <TextAreaField
              path={['terms', 'confidentiality', 'text']}
              label={t('steps.cadence.terms.confidentialityText')}
              description={t('steps.cadence.terms.optional')}
            />
          )}
        </Stack>
      </Stack>
    </StepSection>
  );
}
