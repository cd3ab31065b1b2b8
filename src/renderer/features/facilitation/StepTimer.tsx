import { ActionIcon, Group, Text, VisuallyHidden } from '@mantine/core';
import { IconAlarm, IconClock, IconClockPlus, IconHourglassLow, IconPlayerPause, IconPlayerPlay, IconRotate } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { WorkshopStep } from '../../store/route';
import { formatClock, splitClock, type TimerLevel } from './timer';
import { useStepTimer } from './useStepTimer';
import { HoverTooltip } from '../../components/HoverTooltip';

/**
 * Readable on a projector and for people who do not see colour: amber and red come with an icon and,
 * in the floating bar, a word. Dark text on amber and white on deep red keep the contrast high.
 */
const LOOK: Record<TimerLevel, { bg: string; c: string; Icon: typeof IconClock }> = {
  ok: { bg: 'gray.1', c: 'dark.7', Icon: IconClock },
  warning: { bg: 'yellow.4', c: 'dark.9', Icon: IconHourglassLow },
  critical: { bg: 'red.8', c: 'white', Icon: IconHourglassLow },
  over: { bg: 'red.9', c: 'white', Icon: IconAlarm },
};

interface Props {
  step: WorkshopStep;
  /** header: compact, with reset; floating: larger, with the level in words. */
  variant: 'header' | 'floating';
}

/** The countdown of the current step's time box with its controls. */
export function StepTimer({ step, variant }: Props) {
  const { t } = useTranslation();
  const timer = useStepTimer(step);
  const stepName = t(`common.steps.${step}`);
  const { text, over } = formatClock(timer.remaining);
  const { minutes, seconds } = splitClock(timer.remaining);
  // Before starting, the countdown is just the time box: urgency colours only mean something once it counts.
  const level: TimerLevel = timer.started ? timer.level : 'ok';
  const look = LOOK[level];
  const state =
    level !== 'ok'
      ? t(`facilitation.timer.state.${level}`)
      : t(`facilitation.timer.state.${timer.running ? 'running' : timer.started ? 'paused' : 'notStarted'}`);
  const label = `${t(over ? 'facilitation.timer.leftOver' : 'facilitation.timer.left', { step: stepName, minutes, seconds, box: timer.boxMinutes })} (${state})`;
  const toggleLabel = t(timer.running ? 'facilitation.timer.pause' : timer.started ? 'facilitation.timer.resume' : 'facilitation.timer.start');
  const floating = variant === 'floating';
  const iconSize = floating ? 22 : 16;
  const buttonSize = floating ? 'lg' : 'md';

  return (
    <Group gap={4} wrap="nowrap" role="group" aria-label={t('facilitation.timer.group')} data-level={level} data-running={timer.running}>
      <Group
        gap={6}
        wrap="nowrap"
        px={floating ? 'sm' : 8}
        py={floating ? 6 : 2}
        bg={look.bg}
        c={look.c}
        style={{ borderRadius: 'var(--mantine-radius-md)', opacity: timer.started && !timer.running ? 0.75 : 1 }}
      >
        <look.Icon size={iconSize} aria-hidden />
        <Text role="timer" aria-label={label} fw={700} fz={floating ? 'xl' : 'sm'} style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
          {over ? t('facilitation.timer.over', { time: text }) : text}
        </Text>
        {/* Overtime already says "over" in the time itself. */}
        {floating && (level === 'warning' || level === 'critical') && (
          <Text fz="sm" fw={600} style={{ whiteSpace: 'nowrap' }} aria-hidden>
            {t(`facilitation.timer.badge.${level}`)}
          </Text>
        )}
      </Group>
      <HoverTooltip label={toggleLabel}>
        <ActionIcon
          variant={timer.running ? 'light' : 'filled'}
          size={buttonSize}
          aria-label={toggleLabel}
          onClick={() => timer.command(timer.running ? 'pause' : 'start')}
        >
          {timer.running ? <IconPlayerPause size={iconSize} /> : <IconPlayerPlay size={iconSize} />}
        </ActionIcon>
      </HoverTooltip>
      <HoverTooltip label={t('facilitation.timer.extend')}>
        <ActionIcon variant="default" size={buttonSize} aria-label={t('facilitation.timer.extend')} onClick={() => timer.command('extend')}>
          <IconClockPlus size={iconSize} />
        </ActionIcon>
      </HoverTooltip>
      {!floating && (
        <HoverTooltip label={t('facilitation.timer.reset')}>
          <ActionIcon
            variant="default"
            size={buttonSize}
            aria-label={t('facilitation.timer.reset')}
            disabled={!timer.started}
            onClick={() => timer.command('reset')}
          >
            <IconRotate size={iconSize} />
          </ActionIcon>
        </HoverTooltip>
      )}
      {/* role="timer" is silent by design; this says the thresholds once, when they are crossed. */}
      <VisuallyHidden aria-live="polite">{timer.running && level !== 'ok' ? t(`facilitation.timer.announce.${level}`, { step: stepName }) : ''}</VisuallyHidden>
    </Group>
  );
}
