import { Drawer, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fieldId } from '../../../shared/model/paths';
import { STEP_IDS } from '../../../shared/model/schema';
import type { WorkshopStep } from '../../store/route';
import { TextAreaField } from '../workshop/fields/TextAreaField';

/**
 * The facilitator's notes for the current step, bound to the agreement like any field (autosaved,
 * undoable). The review screen has no notes of its own, so it shows every step's, to wrap up.
 */
export function NotesDrawer({ step, opened, onClose }: { step: WorkshopStep; opened: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const label = (s: (typeof STEP_IDS)[number]) => t('facilitation.notes.label', { step: t(`common.steps.${s}`) });
  return (
    <Drawer
      closeButtonProps={{ 'aria-label': t('facilitation.close') }}
      opened={opened}
      onClose={onClose}
      position="right"
      size="md"
      title={t('facilitation.notes.title')}
      // Straight to typing: the facilitator opens notes to write something down.
      onEnterTransitionEnd={() => document.getElementById(fieldId(['notes', step === 'review' ? STEP_IDS[0] : step]))?.focus()}
    >
      {step === 'review' ? (
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('facilitation.notes.allSteps')}
          </Text>
          {STEP_IDS.map((s) => (
            <TextAreaField key={s} path={['notes', s]} label={label(s)} minRows={2} />
          ))}
        </Stack>
      ) : (
        <TextAreaField path={['notes', step]} label={label(step)} description={t('facilitation.notes.description')} minRows={10} />
      )}
    </Drawer>
  );
}
