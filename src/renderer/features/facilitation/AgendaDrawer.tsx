import { Badge, Button, Drawer, Group, Paper, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconRestore } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_AGENDA_MINUTES, SIGN_OFF_MINUTES } from '../../../shared/model/agenda';
import { fieldId } from '../../../shared/model/paths';
import { STEP_IDS, type StepId } from '../../../shared/model/schema';
import { useAppStore } from '../../store/appStore';
import type { WorkshopStep } from '../../store/route';
import { NumberInputBox } from '../workshop/fields/NumberInputBox';
import { useReadOnly } from '../workshop/fields/useField';
import { SessionClockTable } from './SessionClockTable';
import { agendaBalance, MAX_BOX_MINUTES, WORKSHOP_MINUTES } from './timeBox';

/**
 * A step's minutes, with the workshop's one number input. Unlike most numbers an empty box is not null
 * (the agenda needs a number): it stays on screen with its error, like any invalid text, until a number of
 * minutes is typed.
 */
function MinutesField({ step, current }: { step: StepId; current: boolean }) {
  const { t } = useTranslation();
  const path = ['agenda', 'minutes', step] as const;
  const label = t('facilitation.agenda.stepLabel', { n: STEP_IDS.indexOf(step), step: t(`common.steps.${step}`) });
  const id = fieldId(path);
  return (
    <Group justify="space-between" wrap="nowrap" gap="sm" align="flex-start">
      <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }} pt={6}>
        <Text component="label" htmlFor={id} size="sm" fw={current ? 700 : 500}>
          {label}
        </Text>
        {current && (
          // Never squeezed into "PASO ACT…" by a long step name: the name wraps instead.
          <Badge size="xs" variant="light" style={{ flexShrink: 0 }}>
            {t('facilitation.agenda.current')}
          </Badge>
        )}
      </Group>
      <NumberInputBox
        path={path}
        label={label}
        hideLabel
        nullable={false}
        max={MAX_BOX_MINUTES}
        suffix={t('facilitation.agenda.minutesSuffix')}
        w={150}
        align="right"
      />
    </Group>
  );
}

/**
 * The agenda: one time box per step, the live total against three hours, a way back to the defaults, and
 * the session clock (planned against actual per step).
 */
export function AgendaDrawer({ step, opened, onClose }: { step: WorkshopStep; opened: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const minutes = useAppStore((s) => s.session?.draft.agenda.minutes ?? DEFAULT_AGENDA_MINUTES);
  const edit = useAppStore((s) => s.edit);
  const readOnly = useReadOnly();
  const balance = agendaBalance(minutes);
  const isDefault = STEP_IDS.every((s) => minutes[s] === DEFAULT_AGENDA_MINUTES[s]);
  const fitColor = balance.fit === 'fits' ? 'teal.9' : balance.fit === 'over' ? 'red.9' : 'gray.7';

  return (
    <Drawer
      closeButtonProps={{ 'aria-label': t('facilitation.close') }}
      opened={opened}
      onClose={onClose}
      position="right"
      size="md"
      title={t('facilitation.agenda.title')}
    >
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('facilitation.agenda.intro')}
        </Text>
        <Stack gap={8}>
          {STEP_IDS.map((s) => (
            <MinutesField key={s} step={s} current={s === step} />
          ))}
          <Group justify="space-between" wrap="nowrap" gap="sm">
            <Group gap="xs" wrap="nowrap">
              <Text size="sm" fw={step === 'review' ? 700 : 500}>
                {t('facilitation.agenda.signOff')}
              </Text>
              {step === 'review' && (
                <Badge size="xs" variant="light">
                  {t('facilitation.agenda.current')}
                </Badge>
              )}
            </Group>
            <Text size="sm" c="dimmed" w={112} ta="right" pr={8}>
              {t('facilitation.agenda.signOffFixed', { minutes: SIGN_OFF_MINUTES })}
            </Text>
          </Group>
        </Stack>
        <Paper withBorder radius="md" p="sm" role="status" aria-live="polite">
          <Group gap="xs" wrap="nowrap" align="flex-start">
            {balance.fit === 'fits' ? (
              <IconCircleCheck size={18} color="var(--mantine-color-teal-7)" aria-hidden />
            ) : (
              <IconAlertTriangle size={18} color={balance.fit === 'over' ? 'var(--mantine-color-red-7)' : 'var(--mantine-color-gray-6)'} aria-hidden />
            )}
            <Stack gap={0}>
              <Text size="sm" fw={700}>
                {t('facilitation.agenda.total', { total: balance.total, target: WORKSHOP_MINUTES })}
              </Text>
              <Text size="sm" c={fitColor}>
                {t(`facilitation.agenda.${balance.fit}`, { count: balance.difference })}
              </Text>
            </Stack>
          </Group>
        </Paper>
        {!readOnly && (
          <Button
            variant="default"
            leftSection={<IconRestore size={16} />}
            disabled={isDefault}
            w="fit-content"
            // One edit, so one undo brings the custom agenda back.
            onClick={() =>
              edit((draft) => {
                draft.agenda.minutes = { ...DEFAULT_AGENDA_MINUTES };
              })
            }
          >
            {t('facilitation.agenda.reset')}
          </Button>
        )}
        <SessionClockTable current={step} />
      </Stack>
    </Drawer>
  );
}
