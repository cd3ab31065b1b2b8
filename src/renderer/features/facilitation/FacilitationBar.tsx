import { ActionIcon, Button, Divider, Group, Indicator } from '@mantine/core';
import { IconCalendarTime, IconGavel, IconNotes, IconParking, IconPresentation } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useAfterFirstPaint } from '../../lib/useAfterFirstPaint';
import { useAppStore } from '../../store/appStore';
import type { WorkshopStep } from '../../store/route';
import { AgendaDrawer } from './AgendaDrawer';
import { LogDrawer } from './LogDrawer';
import { NotesDrawer } from './NotesDrawer';
import { PresentationBar } from './PresentationBar';
import type { FacilitationPanel } from './state/facilitationSlice';
import { SessionBalance } from './SessionBalance';
import { StepTimer } from './StepTimer';
import { useLogCounts } from './useLogCounts';
import { PRESENTATION_KEYS, PRESENTATION_SHORTCUTS, usePresentationControls, usePresentationMode } from './usePresentation';
import { HoverTooltip } from '../../components/HoverTooltip';

/** Loads the open agreement's timers and lets the running one follow the facilitator from step to step. */
function useTimerFollowsStep(step: WorkshopStep): void {
  const agreementId = useAppStore((s) => s.session?.id ?? null);
  const syncTimer = useAppStore((s) => s.syncTimer);
  useEffect(() => {
    if (agreementId) syncTimer(agreementId, step);
  }, [agreementId, step, syncTimer]);
}

/**
 * The facilitator's tools in the workshop header: the step timer, then icon buttons for the agenda, the
 * notes, the decision log and parking lot, and presentation mode. Icons with tooltips keep it narrow
 * enough to share the header with the title on a 1280-pixel projector. It also owns the drawers and,
 * in presentation mode (when the header is hidden), the floating bar.
 */
export function FacilitationBar({ step }: { step: WorkshopStep }) {
  const { t } = useTranslation();
  usePresentationControls();
  useTimerFollowsStep(step);
  const presentation = usePresentationMode();
  const setPresentation = useAppStore((s) => s.setPresentation);
  const panel = useAppStore((s) => s.facilitationPanel);
  const openPanel = useAppStore((s) => s.openPanel);
  const hasNotes = useAppStore((s) => (step === 'review' ? false : (s.session?.draft.notes[step]?.trim() ?? '') !== ''));
  const counts = useLogCounts();
  const close = () => openPanel(null);
  const toggle = (which: FacilitationPanel) => openPanel(panel === which ? null : which);
  const presentLabel = t('facilitation.presentation.enter');
  const decisionsLabel = t('facilitation.log.decisionsButton', { count: counts.decisions });
  const parkingLabel = t('facilitation.log.parkingButton', { count: counts.openParked });
  const logTab = useAppStore((s) => s.logTab);
  const setLogTab = useAppStore((s) => s.setLogTab);
  const parkTopic = useAppStore((s) => s.parkTopic);
  const toggleLog = (tab: 'decisions' | 'parking') => {
    if (panel === 'log' && logTab === tab) return openPanel(null);
    if (tab === 'parking') return parkTopic();
    setLogTab(tab);
    openPanel('log');
  };
  const drawersMounted = useAfterFirstPaint();
  const presentButton = useRef<HTMLButtonElement>(null);
  const wasPresenting = useRef(presentation);
  // Back from presentation mode, focus returns to the button that started it (the floating bar is gone).
  useEffect(() => {
    if (wasPresenting.current && !presentation && (document.activeElement === document.body || !document.activeElement)) presentButton.current?.focus();
    wasPresenting.current = presentation;
  }, [presentation]);

  return (
    <>
      <Group gap={6} wrap="nowrap" role="group" aria-label={t('facilitation.bar')}>
        <StepTimer step={step} variant="header" />
        <SessionBalance />
        <Divider orientation="vertical" mx={2} />
        <HoverTooltip label={t('facilitation.agenda.open')}>
          <ActionIcon
            variant="default"
            size="md"
            aria-label={t('facilitation.agenda.open')}
            aria-expanded={panel === 'agenda'}
            onClick={() => toggle('agenda')}
          >
            <IconCalendarTime size={16} />
          </ActionIcon>
        </HoverTooltip>
        <HoverTooltip label={t('facilitation.notes.open')}>
          <Indicator size={8} offset={3} disabled={!hasNotes} color="indigo">
            <ActionIcon variant="default" size="md" aria-label={t('facilitation.notes.open')} aria-expanded={panel === 'notes'} onClick={() => toggle('notes')}>
              <IconNotes size={16} />
            </ActionIcon>
          </Indicator>
        </HoverTooltip>
        {/* Two buttons, each naming its count in words ("Decision log: 2 decisions"): the number on screen is
            part of the button's name, so "click 2" works by voice too. The parking lot opens ready to type. */}
        <Button.Group>
          <HoverTooltip label={decisionsLabel}>
            <Button
              variant="default"
              size="xs"
              px={8}
              aria-label={decisionsLabel}
              aria-expanded={panel === 'log' && logTab === 'decisions'}
              onClick={() => toggleLog('decisions')}
              leftSection={<IconGavel size={15} aria-hidden />}
            >
              {counts.decisions}
            </Button>
          </HoverTooltip>
          <HoverTooltip label={parkingLabel}>
            <Button
              variant="default"
              size="xs"
              px={8}
              aria-label={parkingLabel}
              aria-expanded={panel === 'log' && logTab === 'parking'}
              onClick={() => toggleLog('parking')}
              leftSection={<IconParking size={15} aria-hidden />}
            >
              {counts.openParked}
            </Button>
          </HoverTooltip>
        </Button.Group>
        <HoverTooltip label={t('facilitation.presentation.hint', { action: presentLabel, keys: PRESENTATION_KEYS })}>
          <ActionIcon
            ref={presentButton}
            variant="filled"
            size="md"
            aria-label={presentLabel}
            aria-keyshortcuts={PRESENTATION_SHORTCUTS}
            onClick={() => setPresentation(true)}
          >
            <IconPresentation size={16} />
          </ActionIcon>
        </HoverTooltip>
      </Group>
      {/* Closed drawers are mounted just after the screen's first paint, not with it (opening an agreement). */}
      {(drawersMounted || panel === 'agenda') && <AgendaDrawer step={step} opened={panel === 'agenda'} onClose={close} />}
      {(drawersMounted || panel === 'notes') && <NotesDrawer step={step} opened={panel === 'notes'} onClose={close} />}
      {(drawersMounted || panel === 'log') && <LogDrawer opened={panel === 'log'} onClose={close} />}
      {presentation && <PresentationBar step={step} />}
    </>
  );
}
