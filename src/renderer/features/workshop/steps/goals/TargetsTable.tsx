import { Badge, NumberInput, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { reverseFunnel, RESULT_FIELD, type FunnelKey } from '../../../../../shared/model/funnel';
import { LIMITS } from '../../../../../shared/model/limits';
import type { Stage } from '../../../../../shared/model/schema';
import { fieldId, useDraftSelector, useEdit, useReadOnly } from '../../fields/useField';
import { useFormatters } from './format';

const isFunnelKey = (key: Stage['key']): key is FunnelKey => key !== 'custom';

/**
 * One stage's monthly target. Bound by stage id rather than by array index because a stage may not have a
 * target row yet (added stages, imported files): the first number typed creates the row in the same edit.
 * One component for both cases keeps the input mounted, so focus stays put while the row appears.
 */
function TargetInput({ stage, fallbackIndex }: { stage: Stage; fallbackIndex: number }) {
  const { t, i18n } = useTranslation();
  const edit = useEdit();
  const readOnly = useReadOnly();
  const index = useDraftSelector((d) => d.goals.targets.findIndex((row) => row.stageId === stage.id)) ?? -1;
  const value = useDraftSelector((d) => d.goals.targets.find((row) => row.stageId === stage.id)?.monthly ?? null) ?? null;
  const es = i18n.language === 'es';

  const set = (next: number | null) =>
    edit((draft) => {
      const row = draft.goals.targets.find((r) => r.stageId === stage.id);
      if (row) row.monthly = next;
      else if (next !== null) draft.goals.targets.push({ stageId: stage.id, monthly: next });
    }, `goals.targets.${stage.id}`);

  return (
    <NumberInput
      // The "still missing" list points at the index the row has, or will get once created.
      id={fieldId(['goals', 'targets', index >= 0 ? index : fallbackIndex, 'monthly'])}
      aria-label={t('steps.goals.targets.inputLabel', { stage: stage.name })}
      value={value ?? ''}
      min={0}
      max={LIMITS.maxNumber}
      clampBehavior="strict"
      allowNegative={false}
      allowDecimal={false}
      thousandSeparator={es ? '.' : ','}
      decimalSeparator={es ? ',' : '.'}
      readOnly={readOnly}
      w={160}
      styles={{ input: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' } }}
      onChange={(next) => {
        if (next === '' || next === null) return set(null);
        const number = typeof next === 'number' ? next : Number(next);
        if (Number.isFinite(number)) set(number);
      }}
    />
  );
}

/** Monthly target per lifecycle stage, with the owner team and, when it can compute, the calculator's number. */
export function TargetsTable() {
  const { t } = useTranslation();
  const format = useFormatters();
  const stages = useDraftSelector((d) => d.lifecycle.stages) ?? [];
  const targets = useDraftSelector((d) => d.goals.targets) ?? [];
  const calculator = useDraftSelector((d) => d.goals.calculator);
  const result = calculator ? reverseFunnel(calculator) : null;

  if (stages.length === 0) {
    return (
      <Text c="dimmed" id={fieldId(['goals', 'targets'])} tabIndex={-1}>
        {t('steps.goals.targets.noStages')}
      </Text>
    );
  }

  // Stages without a row are numbered after the existing rows, in order, as adding them would number them.
  let missingSoFar = 0;
  const firstOfKey = new Set<string>();
  const rows = stages.map((stage) => {
    const hasRow = targets.some((row) => row.stageId === stage.id);
    const fallbackIndex = hasRow ? -1 : targets.length + missingSoFar++;
    // The calculator speaks for the first stage of each funnel key only, as the checks do.
    const first = isFunnelKey(stage.key) && !firstOfKey.has(stage.key);
    if (first) firstOfKey.add(stage.key);
    const computed = result && first && isFunnelKey(stage.key) ? result[RESULT_FIELD[stage.key]] : null;
    return (
      <Table.Tr key={stage.id}>
        <Table.Th scope="row" fw={500}>
          <Text fw={600} size="md">
            {stage.name || '—'}
          </Text>
          {stage.optional && (
            <Text size="xs" c="dimmed">
              {t('steps.goals.targets.optional')}
            </Text>
          )}
        </Table.Th>
        <Table.Td>
          <Badge variant="light" color={stage.owner === 'marketing' ? 'grape' : stage.owner === 'sales' ? 'teal' : 'gray'} size="md" radius="sm">
            {t(`common.teams.${stage.owner}`)}
          </Badge>
        </Table.Td>
        <Table.Td>
          <TargetInput stage={stage} fallbackIndex={fallbackIndex} />
        </Table.Td>
        <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
          <Text c="dimmed">{computed === null ? '—' : format.number(computed)}</Text>
        </Table.Td>
      </Table.Tr>
    );
  });

  return (
    <Table.ScrollContainer minWidth={560} type="native">
      <Table verticalSpacing="xs" horizontalSpacing="md">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('steps.goals.targets.stage')}</Table.Th>
            <Table.Th w={140}>{t('steps.goals.targets.owner')}</Table.Th>
            <Table.Th w={190}>{t('steps.goals.targets.monthly')}</Table.Th>
            <Table.Th w={130} ta="right">
              {t('steps.goals.targets.calculator')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{rows}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
