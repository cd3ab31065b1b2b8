import { Group, Text } from '@mantine/core';
import { IconCircleCheck, IconCircleDashed, IconCircleMinus, IconCircleX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TargetStatus } from '../../../../shared/actuals/kpis';

const LOOK = {
  met: { Icon: IconCircleCheck, color: 'teal.9', key: 'met' },
  missed: { Icon: IconCircleX, color: 'red.9', key: 'missed' },
  'no-data': { Icon: IconCircleDashed, color: 'gray.8', key: 'noData' },
  'no-target': { Icon: IconCircleMinus, color: 'gray.8', key: 'noTarget' },
} as const;

/** Met, missed, no data or no target: in words and with an icon, the colour only adds to them. */
export function StatusText({ status, size = 'sm' }: { status: TargetStatus; size?: 'sm' | 'md' }) {
  const { t } = useTranslation();
  const { Icon, color, key } = LOOK[status];
  return (
    <Group gap={6} wrap="nowrap" data-status={status}>
      <Text component="span" c={color} lh={0}>
        <Icon size={size === 'md' ? 22 : 18} aria-hidden />
      </Text>
      <Text component="span" size={size} fw={600} c={color}>
        {t(`results.review.status.${key}`)}
      </Text>
    </Group>
  );
}
