import { Button, Group, Loader, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconLinkOff, IconLock, IconPencil } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { describeError } from '../../../shared/i18n';
import { useAppStore } from '../../store/appStore';
import { InvalidFieldsLink } from './InvalidFieldsLink';
import { liveDrafts } from './state/fieldDrafts';
import type { SaveStatus } from './state/workshopSlice';
import { HoverTooltip } from '../../components/HoverTooltip';

type Shown = SaveStatus;

const formats = new Map<string, Intl.DateTimeFormat>();
/** One formatter per language: the indicator re-renders on every save, and building a formatter is not free. */
function timeFormat(language: string): Intl.DateTimeFormat {
  let format = formats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formats.set(language, format);
  }
  return format;
}

const RED = 'var(--mantine-color-red-7)';

/** Icon, text and colour of the state shown (only that one is translated: this renders on every save). */
function stateView(shown: Shown, t: TFunction, time: string | null): { icon: ReactNode; text: string; color: string } {
  switch (shown) {
    case 'saved':
      return {
        icon: <IconCircleCheck size={16} color="var(--mantine-color-teal-7)" />,
        text: time ? t('workshop.save.savedAt', { time }) : t('workshop.save.saved'),
        color: 'teal.9',
      };
    case 'pending':
      return { icon: <IconPencil size={16} />, text: t('workshop.save.pending'), color: 'dimmed' };
    case 'saving':
      return { icon: <Loader size={14} />, text: t('workshop.save.saving'), color: 'dimmed' };
    case 'error':
      return { icon: <IconAlertTriangle size={16} color={RED} />, text: t('workshop.save.error'), color: 'red.9' };
    case 'refused':
      return { icon: <IconAlertTriangle size={16} color={RED} />, text: t('workshop.save.refused'), color: 'red.9' };
    case 'conflict':
      return { icon: <IconAlertTriangle size={16} color="var(--mantine-color-orange-7)" />, text: t('workshop.save.conflict'), color: '#a8400a' };
    case 'readOnly':
      return { icon: <IconLock size={16} />, text: t('workshop.save.readOnly'), color: 'dimmed' };
    case 'expired':
      return { icon: <IconLinkOff size={16} color={RED} />, text: t('workshop.save.expired'), color: 'red.9' };
  }
}

/** The visible saved / saving / error state of the autosave (a live region, so screen readers hear it). */
export function SaveIndicator() {
  const { t, i18n } = useTranslation();
  const { status, error, savedAt } = useAppStore(
    useShallow((s) => ({ status: s.session?.save.status, error: s.session?.save.error ?? null, savedAt: s.session?.save.savedAt ?? null })),
  );
  const saveNow = useAppStore((s) => s.saveNow);
  // Text typed into a field that cannot be stored yet: the host has everything else, but not that.
  const drafts = useAppStore(useShallow((s) => liveDrafts(s).map(({ draft }) => draft.settled)));
  const invalid = drafts.filter(Boolean).length;
  if (!status) return null;
  const overridable = status === 'saved' || status === 'pending' || status === 'saving';
  if (overridable && invalid > 0) {
    return (
      <Group gap={6} wrap="nowrap" data-testid="save-state" data-status="invalid" role="status" aria-live="polite">
        <IconAlertTriangle size={16} color="var(--mantine-color-red-7)" aria-hidden />
        <Text size="sm" c="red.9" style={{ whiteSpace: 'nowrap' }}>
          {t('workshop.fieldDrafts.notSaved', { count: invalid })}
        </Text>
        <InvalidFieldsLink />
      </Group>
    );
  }
  // Typing that is not finished yet ("120.0") is not "saved" either.
  const shown = status === 'saved' && drafts.length > 0 ? 'pending' : status;
  const content = stateView(shown, t, savedAt ? timeFormat(i18n.language).format(savedAt) : null);
  return (
    <Stack gap={2} data-testid="save-state" data-status={shown} role="status" aria-live="polite">
      <Group gap={6} wrap="nowrap">
        {content.icon}
        <HoverTooltip label={error ? describeError(t, error) : content.text} multiline w={320} disabled={!error}>
          <Text size="sm" c={content.color} style={{ whiteSpace: 'nowrap' }}>
            {content.text}
          </Text>
        </HoverTooltip>
        {(status === 'error' || status === 'refused') && (
          <Button size="compact-xs" variant="light" color="red" style={{ flexShrink: 0 }} onClick={() => void saveNow()}>
            {t('workshop.save.retryNow')}
          </Button>
        )}
      </Group>
      {/* Why it was refused, on screen and not only in a tooltip (nothing changes until someone acts on it);
          under the state, so the header's title keeps its room. */}
      {status === 'refused' && error && (
        <Text size="xs" c="red.9" data-testid="save-refused-reason" lineClamp={2} maw={300}>
          {describeError(t, error)}
        </Text>
      )}
    </Stack>
  );
}
