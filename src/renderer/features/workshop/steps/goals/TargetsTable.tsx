import { Badge, Table, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { planFunnel } from '../../../../../shared/model/funnelPlan';
import type { Stage } from '../../../../../shared/model/schema';
import { useAppStore } from '../../../../store/appStore';
import { NumberInputBox } from '../../fields/NumberInputBox';
import { fieldId, useDraftSelector, useEdit } from '../../fields/useField';
import { useFormatters } from './format';

/**
 * One stage's monthly target. Bound by stage id rather than by array index because a stage may not have a
 * target row yet (added stages, imported files): the first number typed creates the row in the same edit,
 * and so does text that is not a number yet (the row then holds null while the text waits in its draft).
 * One component for both cases keeps the input mounted, so focus stays put while the row appears.
 */
function TargetInput({ stage, fallbackIndex }: { stage: Stage; fallbackIndex: number }) {
  const { t } = useTranslation();
  const edit = useEdit();
  const index = useDraftSelector((d) => d.goals.targets.findIndex((row) => row.stageId === stage.id)) ?? -1;
  // The "still missing" list points at the index the row has, or will get once created.
  const path = ['goals', 'targets', index >= 0 ? index : fallbackIndex, 'monthly'] as const;

  const commit = (next: number | null) =>
    edit((draft) => {
      const row = draft.goals.targets.find((r) => r.stageId === stage.id);
      if (row) row.monthly = next;
      else if (next !== null) draft.goals.targets.push({ stageId: stage.id, monthly: next });
    }, `goals.targets.${stage.id}`);
  const prepare = () => {
    const targets = () => useAppStore.getState().session?.draft.goals.targets ?? [];
    if (!targets().some((r) => r.stageId === stage.id))
      edit((draft) => void draft.goals.targets.push({ stageId: stage.id, monthly: null }), `goals.targets.${stage.id}`);
    return ['goals', 'targets', targets().findIndex((r) => r.stageId === stage.id), 'monthly'] as const;
  };

  return (
    <NumberInputBox
      path={path}
      id={fieldId(path)}
      label={t('steps.goals.targets.inputLabel', { stage: stage.name })}
      hideLabel
      commit={commit}
      prepare={prepare}
      w={170}
      align="right"
    />
  );
}

/** Monthly target per lifecycle stage, with the owner team and, when it can compute, the calculator's number. */
export function TargetsTable() {
  const { t } = useTranslation();
  const format = useFormatters();
  const storedStages = useDraftSelector((d) => d.lifecycle.stages);
  const storedTargets = useDraftSelector((d) => d.goals.targets);
  const calculator = useDraftSelector((d) => d.goals.calculator);
  // What the calculator needs of each stage, custom stages included (see funnelPlan.ts).
  const needed = useMemo(() => {
    const plan =
      calculator && storedStages && storedTargets ? planFunnel({ lifecycle: { stages: storedStages }, goals: { targets: storedTargets, calculator } }) : null;
    return new Map((plan?.stages ?? []).flatMap((s) => (s.id !== null && s.needed !== null ? [[s.id, s.needed] as const] : [])));
  }, [storedStages, storedTargets, calculator]);
  const stages = storedStages ?? [];
  const targets = storedTargets ?? [];

  if (stages.length === 0) {
    return (
      <Text c="dimmed" id={fieldId(['goals', 'targets'])} tabIndex={-1}>
        {t('steps.goals.targets.noStages')}
      </Text>
    );
  }

  // Stages without a row are numbered after the existing rows, in order, as adding them would number them.
  let missingSoFar = 0;
  const rows = stages.map((stage) => {
    const hasRow = targets.some((row) => row.stageId === stage.id);
    const fallbackIndex = hasRow ? -1 : targets.length + missingSoFar++;
    const computed = needed.get(stage.id) ?? null;
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
