import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { wholeMinutes } from './sessionClock';
import { useSessionClock } from './useSessionClock';
import { HoverTooltip } from '../../components/HoverTooltip';

/**
 * "+6 min" beside the countdown once the session has fallen a full minute behind the agenda: the overtime of
 * earlier steps stays visible after the facilitator moves on. Nothing is shown while on time or ahead.
 */
export function SessionBalance({ size = 'sm' }: { size?: 'sm' | 'md' }) {
  const { t } = useTranslation();
  const { totals } = useSessionClock();
  const behind = wholeMinutes(totals.balanceMs);
  if (behind < 1) return null;
  const label = t('facilitation.session.behind', { count: behind });
  return (
    <HoverTooltip label={label}>
      <Text
        component="span"
        role="note"
        aria-label={label}
        data-testid="session-balance"
        fz={size}
        fw={700}
        c="red.9"
        bg="red.0"
        px={6}
        py={2}
        style={{ borderRadius: 'var(--mantine-radius-sm)', whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}
      >
        {t('facilitation.session.behindShort', { count: behind })}
      </Text>
    </HoverTooltip>
  );
}
