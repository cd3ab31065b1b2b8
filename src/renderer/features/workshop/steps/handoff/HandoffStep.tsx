import { SimpleGrid, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { ROUTING, type Agreement } from '../../../../../shared/model/schema';
import { useAppStore } from '../../../../store/appStore';
import { NumberField } from '../../fields/NumberField';
import { SelectField } from '../../fields/SelectField';
import { TextAreaField } from '../../fields/TextAreaField';
import { TextField } from '../../fields/TextField';
import { StepSection } from '../../fields/StepSection';
import { HandoffStrip } from './HandoffStrip';

/** Step 4: the exact point where a lead passes from marketing to sales, and how it gets there. */
export function HandoffStep() {
  const { t } = useTranslation();
  // id and name pairs, flattened so the shallow comparison sees through them.
  const stageRows = useAppStore(useShallow((s) => (s.session?.draft.lifecycle.stages ?? []).flatMap((st) => [st.id, st.name])));
  const stageOptions: { value: string; label: string }[] = [];
  for (let i = 0; i < stageRows.length; i += 2) {
    const n = i / 2 + 1;
    stageOptions.push({ value: stageRows[i] ?? '', label: stageRows[i + 1]?.trim() || t('steps.lifecycle.stages.itemN', { n }) });
  }
  const f = <N extends keyof Agreement['handoff']>(name: N) => ['handoff', name] as const;

  return (
    <Stack gap="md">
      <StepSection title={t('steps.handoff.point.title')} description={t('steps.handoff.point.intro')}>
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" verticalSpacing="sm">
            <SelectField
              path={f('stageId')}
              label={t('steps.handoff.fields.stageId.label')}
              description={t('steps.handoff.fields.stageId.help')}
              options={stageOptions}
              nullable
              nullLabel={t('steps.handoff.fields.stageId.none')}
              required
            />
          </SimpleGrid>
          <HandoffStrip />
          <TextAreaField
            path={f('trigger')}
            label={t('steps.handoff.fields.trigger.label')}
            description={t('steps.handoff.fields.trigger.help')}
            placeholder={t('steps.handoff.fields.trigger.placeholder')}
            required
          />
        </Stack>
      </StepSection>
      <StepSection title={t('steps.handoff.routing.title')} description={t('steps.handoff.routing.intro')}>
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md" verticalSpacing="sm">
            <SelectField
              path={f('routing')}
              label={t('steps.handoff.fields.routing.label')}
              options={ROUTING.map((r) => ({ value: r, label: t(`steps.handoff.routingOptions.${r}`) }))}
            />
            <NumberField
              path={f('acceptWindowHours')}
              label={t('steps.handoff.fields.acceptWindowHours.label')}
              placeholder={t('steps.handoff.fields.acceptWindowHours.placeholder')}
              suffix={t('steps.handoff.fields.acceptWindowHours.suffix')}
              max={24 * 365}
              required
            />
            <TextField path={f('owner')} label={t('steps.handoff.fields.owner.label')} placeholder={t('steps.handoff.fields.owner.placeholder')} required />
          </SimpleGrid>
          <TextAreaField
            path={f('routingDetails')}
            label={t('steps.handoff.fields.routingDetails.label')}
            placeholder={t('steps.handoff.fields.routingDetails.placeholder')}
          />
        </Stack>
      </StepSection>
    </Stack>
  );
}
