import { Alert, Box, Button, Container, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconArrowRight, IconHistory } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MissingItem } from '../../../shared/model/completeness';
import { usePresentationMode } from '../facilitation/usePresentation';
import { useAppStore } from '../../store/appStore';
import { WORKSHOP_STEPS, type WorkshopStep } from '../../store/route';
import { ConflictModal } from './ConflictModal';
import { focusField } from './focusField';
import { GuidancePanel } from './GuidancePanel';
import { StepMissing } from './StepMissing';
import { StepNav } from './StepNav';
import { STEP_COMPONENTS } from './steps/registry';
import { ReadOnlyBanner } from './steps/review/ReadOnlyBanner';
import { useChangeNotices } from './useChangeNotices';
import { useSaveOnLeave, useWorkshopKeys } from './useWorkshopKeys';
import { WorkshopHeader } from './WorkshopHeader';
import '../../styles/workshop.css';

/**
 * The workshop screen: steps on the left, the current step's guidance, form and what is missing.
 * It deliberately does not subscribe to the draft: a keystroke re-renders only the field typed in and the
 * few summaries that depend on it, never the whole step (keystroke-to-paint budget, npm run bench).
 */
export function WorkshopLayout({ id, step }: { id: string; step: WorkshopStep }) {
  const { t } = useTranslation();
  const navigate = useAppStore((s) => s.navigate);
  const rememberStep = useAppStore((s) => s.rememberStep);
  const recovered = useAppStore((s) => s.session?.recovered ?? false);
  const overtaken = useAppStore((s) => s.session?.overtaken ?? false);
  const presentation = usePresentationMode();
  const [recoveredDismissed, setRecoveredDismissed] = useState(false);
  const index = WORKSHOP_STEPS.indexOf(step);
  const previous = WORKSHOP_STEPS[index - 1];
  const next = WORKSHOP_STEPS[index + 1];
  // Keyboard step changes (Alt+PageDown/Up, the previous/next buttons) continue from the new step's title.
  const focusTitle = useRef(false);
  const go = (target: WorkshopStep | undefined, moveFocus = false) => {
    if (!target) return;
    focusTitle.current = moveFocus;
    navigate({ name: 'workshop', id, step: target });
    window.scrollTo({ top: 0 });
  };
  useEffect(() => {
    // "Open" on the home screen comes back here.
    rememberStep(id, step);
    if (!focusTitle.current) return;
    focusTitle.current = false;
    document.getElementById('step-title')?.focus({ preventScroll: true });
  }, [id, step, rememberStep]);
  useWorkshopKeys(
    () => go(previous, true),
    () => go(next, true),
  );
  useSaveOnLeave();
  useChangeNotices();

  const goToItem = (target: WorkshopStep, item: MissingItem) => {
    if (target !== step) go(target);
    focusField(item.path);
  };
  const Step = STEP_COMPONENTS[step];
  const stepTitle = t(`common.steps.${step}`);

  return (
    <Container size="xl" py="md" className={presentation ? 'presentation' : undefined}>
      <Stack gap="md">
        <WorkshopHeader step={step} />
        {recovered && !recoveredDismissed && (
          <Alert
            color="blue"
            variant="light"
            icon={<IconHistory size={18} />}
            withCloseButton
            onClose={() => setRecoveredDismissed(true)}
            closeButtonLabel={t('workshop.dismiss')}
          >
            {t('workshop.recovered')}
          </Alert>
        )}
        {overtaken && (
          <Alert color="orange" variant="light" icon={<IconHistory size={18} />} role="alert">
            {t('workshop.overtaken')}
          </Alert>
        )}
        <ReadOnlyBanner step={step} />
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 3 }} className="chrome">
            <Box className="step-nav-sticky">
              <StepNav current={step} onSelect={go} />
            </Box>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: presentation ? 12 : 9 }}>
            <Stack gap="md" component="main" aria-labelledby="step-title">
              <Group justify="space-between" align="flex-end">
                <Stack gap={0}>
                  <Text size="xs" tt="uppercase" fw={600} c="dimmed" className="chrome">
                    {t('workshop.stepOf', { n: index + 1, total: WORKSHOP_STEPS.length })}
                  </Text>
                  <Title order={2} id="step-title" className="step-title" tabIndex={-1}>
                    {stepTitle}
                  </Title>
                </Stack>
              </Group>
              <GuidancePanel step={step} />
              <Step />
              {step !== 'review' && <StepMissing step={step} onGo={(item) => goToItem(step, item)} />}
              <Group justify="space-between" className="chrome">
                {previous ? (
                  <Button variant="default" leftSection={<IconArrowLeft size={16} />} onClick={() => go(previous, true)}>
                    {t('workshop.previous', { step: t(`common.steps.${previous}`) })}
                  </Button>
                ) : (
                  <span />
                )}
                {next && (
                  <Button rightSection={<IconArrowRight size={16} />} onClick={() => go(next, true)}>
                    {t('workshop.next', { step: t(`common.steps.${next}`) })}
                  </Button>
                )}
              </Group>
            </Stack>
          </Grid.Col>
        </Grid>
      </Stack>
      <ConflictModal />
    </Container>
  );
}
