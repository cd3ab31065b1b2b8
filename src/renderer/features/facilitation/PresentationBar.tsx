import { ActionIcon, Affix, Button, Group, Paper, Tooltip } from '@mantine/core';
import { IconArrowLeft, IconArrowRight, IconGavel, IconX } from '@tabler/icons-react';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/appStore';
import { WORKSHOP_STEPS, type WorkshopStep } from '../../store/route';
import { StepTimer } from './StepTimer';

/**
 * The only controls left on the projected screen: previous/next step, the timer, the decision log (the
 * room decides things while looking at the screen) and the way out. Small and in a corner, so the form
 * keeps the space.
 */
export function PresentationBar({ step }: { step: WorkshopStep }) {
  const { t } = useTranslation();
  const id = useAppStore((s) => s.session?.id ?? null);
  const navigate = useAppStore((s) => s.navigate);
  const setPresentation = useAppStore((s) => s.setPresentation);
  const openPanel = useAppStore((s) => s.openPanel);
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
  // The button that turned presentation mode on is now hidden; keyboard users continue from this bar.
  // A callback ref, because the Affix's portal attaches the bar after this component's effects have run.
  const focusOnArrival = useCallback((node: HTMLDivElement | null) => {
    const active = document.activeElement;
    if (node && (!active || active === document.body || active.closest('.chrome'))) node.focus();
  }, []);

  return (
    <Affix position={{ bottom: 16, right: 16 }} zIndex={150}>
      <Paper ref={focusOnArrival} tabIndex={-1} shadow="lg" withBorder radius="xl" px="sm" py={6} role="group" aria-label={t('facilitation.presentation.controls')} className="presentation-bar">
        <Group gap="xs" wrap="nowrap">
          {previous && (
            <Tooltip label={previousLabel}>
              <ActionIcon variant="default" size="lg" radius="xl" aria-label={previousLabel} onClick={() => go(previous)}>
                <IconArrowLeft size={20} />
              </ActionIcon>
            </Tooltip>
          )}
          <StepTimer step={step} variant="floating" />
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
          <Tooltip label={t('facilitation.presentation.hint', { action: exitLabel, keys: 'Esc' })}>
            <Button variant="filled" color="dark" radius="xl" leftSection={<IconX size={18} />} aria-label={exitLabel} aria-keyshortcuts="Escape" onClick={() => setPresentation(false)}>
              {t('facilitation.presentation.exitShort')}
            </Button>
          </Tooltip>
        </Group>
      </Paper>
    </Affix>
  );
}
