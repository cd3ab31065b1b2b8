import { ActionIcon, Affix, Button, Group, Paper, Progress, Stack, Text, Tooltip } from '@mantine/core';
import { IconArrowLeft, IconArrowRight, IconGavel, IconParking, IconX } from '@tabler/icons-react';
import { useCallback, useEffect, useLayoutEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/appStore';
import { WORKSHOP_STEPS, type WorkshopStep } from '../../store/route';
import { scrollNeeded } from './keepAbove';
import { SessionBalance } from './SessionBalance';
import { StepTimer } from './StepTimer';

/** Read by presentation.css: the page keeps this much room at the bottom, so the bar never sits on a field. */
export const BAR_HEIGHT_VAR = '--presentation-bar-height';

/** Publishes the bar's height while it is on screen (it grows when its contents wrap on a narrow window). */
function useReservedHeight(element: HTMLElement | null): void {
  useLayoutEffect(() => {
    const root = document.documentElement;
    if (!element) return;
    const measure = () => root.style.setProperty(BAR_HEIGHT_VAR, `${Math.ceil(element.getBoundingClientRect().height)}px`);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => {
      observer.disconnect();
      root.style.removeProperty(BAR_HEIGHT_VAR);
    };
  }, [element]);
}

/**
 * Keeps the focused field of the step wholly above the bar: when it is reached with Tab (a text area's own
 * scroll-into-view only reveals its caret) and when the bar grows because its contents wrap.
 */
function useFocusedFieldAbove(bar: HTMLElement | null): void {
  useEffect(() => {
    if (!bar) return;
    const keep = () => {
      const active = document.activeElement;
      if (!(active instanceof HTMLElement) || !active.closest('.presentation')) return;
      const gap = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
      const by = scrollNeeded(active.getBoundingClientRect(), bar.getBoundingClientRect().top, gap);
      if (by > 0) window.scrollBy({ top: by, behavior: 'instant' });
    };
    // The browser scrolls a newly focused field after the focus events; correct in the frame that follows too.
    const onFocus = () => {
      keep();
      requestAnimationFrame(keep);
    };
    document.addEventListener('focusin', onFocus);
    const observer = new ResizeObserver(keep);
    observer.observe(bar);
    return () => {
      document.removeEventListener('focusin', onFocus);
      observer.disconnect();
    };
  }, [bar]);
}

/**
 * The only controls left on the projected screen, docked along the bottom edge in a strip of their own: where
 * the room is (step and progress), the timer, previous/next, the decision log, "park this" (the room decides
 * and defers things while looking at the screen) and the way out. The page reserves the strip's height, so
 * the bar never covers a field.
 */
export function PresentationBar({ step }: { step: WorkshopStep }) {
  const { t } = useTranslation();
  const id = useAppStore((s) => s.session?.id ?? null);
  const navigate = useAppStore((s) => s.navigate);
  const setPresentation = useAppStore((s) => s.setPresentation);
  const openPanel = useAppStore((s) => s.openPanel);
  const parkTopic = useAppStore((s) => s.parkTopic);
  const index = WORKSHOP_STEPS.indexOf(step);
  const previous = WORKSHOP_STEPS[index - 1];
  const next = WORKSHOP_STEPS[index + 1];
  const go = (target: WorkshopStep | undefined) => {
    if (!target || !id) return;
    navigate({ name: 'workshop', id, step: target });
    window.scrollTo({ top: 0 });
  };
  const previousLabel = previous ? t('facilitation.presentation.previous', { step: t(`common.steps.${previous}`) }) : '';
  const nextLabel = next ? t('facilitation.presentation.next', { step: t(`common.steps.${next}`) }) : '';
  const exitLabel = t('facilitation.presentation.exit');
  const progress = t('facilitation.presentation.progress', { n: index + 1, total: WORKSHOP_STEPS.length, step: t(`common.steps.${step}`) });
  // A callback ref, because the Affix's portal attaches the bar after this component's effects have run.
  const [bar, setBar] = useState<HTMLDivElement | null>(null);
  useReservedHeight(bar);
  useFocusedFieldAbove(bar);
  // The button that turned presentation mode on is now hidden; keyboard users continue from this bar.
  const focusOnArrival = useCallback((node: HTMLDivElement | null) => {
    setBar(node);
    const active = document.activeElement;
    if (node && (!active || active === document.body || active.closest('.chrome'))) node.focus();
  }, []);

  return (
    <Affix position={{ bottom: 0, left: 0, right: 0 }} zIndex={150}>
      <Paper
        ref={focusOnArrival}
        tabIndex={-1}
        radius={0}
        px="md"
        py={8}
        role="group"
        aria-label={t('facilitation.presentation.controls')}
        className="presentation-bar"
      >
        <Group justify="space-between" wrap="wrap" gap="sm" style={{ rowGap: 6 }}>
          <Stack gap={4} style={{ flex: '1 1 12rem', minWidth: 0 }}>
            <Text fw={700} size="sm" truncate data-testid="presentation-progress">
              {progress}
            </Text>
            <Progress value={((index + 1) / WORKSHOP_STEPS.length) * 100} size="sm" radius="xl" aria-hidden />
          </Stack>
          <Group gap="xs" wrap="nowrap">
            <StepTimer step={step} variant="floating" />
            <SessionBalance size="md" />
          </Group>
          <Group gap="xs" wrap="nowrap">
            {previous && (
              <Tooltip label={previousLabel}>
                <ActionIcon variant="default" size="lg" radius="xl" aria-label={previousLabel} onClick={() => go(previous)}>
                  <IconArrowLeft size={20} />
                </ActionIcon>
              </Tooltip>
            )}
            {next && (
              <Tooltip label={nextLabel}>
                <ActionIcon variant="default" size="lg" radius="xl" aria-label={nextLabel} onClick={() => go(next)}>
                  <IconArrowRight size={20} />
                </ActionIcon>
              </Tooltip>
            )}
            <Tooltip label={t('facilitation.log.open')}>
              <ActionIcon variant="default" size="lg" radius="xl" aria-label={t('facilitation.log.open')} onClick={() => openPanel('log')}>
                <IconGavel size={20} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label={t('facilitation.presentation.park')}>
              <ActionIcon variant="default" size="lg" radius="xl" aria-label={t('facilitation.presentation.park')} onClick={parkTopic}>
                <IconParking size={20} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label={t('facilitation.presentation.hint', { action: exitLabel, keys: 'Esc' })}>
              <Button
                variant="filled"
                color="dark"
                radius="xl"
                leftSection={<IconX size={18} />}
                aria-label={exitLabel}
                aria-keyshortcuts="Escape"
                onClick={() => setPresentation(false)}
              >
                {t('facilitation.presentation.exitShort')}
              </Button>
            </Tooltip>
          </Group>
        </Group>
      </Paper>
    </Affix>
  );
}
