import { Alert, List } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { checkTargets, type FunnelWarning } from '../../../../../shared/model/funnel';
import { useDraftSelector } from '../../fields/useField';
import { useFormatters, type Formatters } from './format';

/** Rates are shown as percentages, every other number as a count; names pass through untouched. */
const RATE_PARAMS = new Set(['rate', 'implied', 'entered']);

function formatParams(warning: FunnelWarning, format: Formatters): Record<string, string> {
  return Object.fromEntries(
    Object.entries(warning.params).map(([name, value]) => [
      name,
      typeof value === 'number' ? (RATE_PARAMS.has(name) ? format.percent(value) : format.number(value)) : value,
    ]),
  );
}

/** Targets that contradict each other or the calculator, as a calm list: a prompt to discuss, not an error. */
export function TargetWarnings() {
  const { t } = useTranslation();
  const format = useFormatters();
  const stages = useDraftSelector((d) => d.lifecycle.stages);
  const targets = useDraftSelector((d) => d.goals.targets);
  const calculator = useDraftSelector((d) => d.goals.calculator);
  // Only the stages, targets and calculator feed the checks (custom stages included), so typing elsewhere does not recompute them.
  const warnings = useMemo(
    () => (stages && targets && calculator ? checkTargets({ lifecycle: { stages }, goals: { targets, calculator } }) : []),
    [stages, targets, calculator],
  );

  if (warnings.length === 0) return null;
  return (
    <Alert color="orange" variant="light" icon={<IconAlertTriangle size={20} />} title={t('steps.goals.warnings.title')} role="status">
      <List spacing={4} size="sm">
        {warnings.map((warning, index) => (
          <List.Item key={`${warning.key}-${index}`}>{t(`steps.goals.warnings.${warning.key}`, { replace: formatParams(warning, format) })}</List.Item>
        ))}
      </List>
    </Alert>
  );
}
