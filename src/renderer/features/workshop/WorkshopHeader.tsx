import { ActionIcon, Badge, Button, Group, Paper, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconArrowBackUp, IconArrowForwardUp, IconArrowLeft } from '@tabler/icons-react';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { displayStatus, statusLabel } from '../../../shared/signing/displayStatus';
import { FacilitationBar } from '../facilitation/FacilitationBar';
import { useAppStore } from '../../store/appStore';
import type { WorkshopStep } from '../../store/route';
import { SaveIndicator } from './SaveIndicator';
import { ShortcutsButton } from './ShortcutsButton';
import { useStickyHeader } from './useStickyHeader';
import { HoverTooltip } from '../../components/HoverTooltip';

const STATUS_COLORS = { draft: 'gray', awaiting: 'indigo', signed: 'teal', superseded: 'orange' } as const;
const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/**
 * Title, status, save state, undo/redo and the facilitation tools, above every step. It stays on screen while
 * the step scrolls (the countdown and the save state matter most mid-form); when the tools wrap below the
 * title on a narrow window, only the tools' row stays (see useStickyHeader).
 */
export function WorkshopHeader({ step }: { step: WorkshopStep }) {
  const { t } = useTranslation();
  const paperRef = useRef<HTMLDivElement>(null);
  const identityRef = useRef<HTMLDivElement>(null);
  const toolsRef = useRef<HTMLDivElement>(null);
  useStickyHeader(paperRef, identityRef, toolsRef);
  const navigate = useAppStore((s) => s.navigate);
  const { title, company, status, signed, required, version, language, canUndo, canRedo, readOnly } = useAppStore(
    useShallow((s) => ({
      title: s.session?.draft.meta.title ?? '',
      company: s.session?.draft.meta.company ?? '',
      status: s.session?.draft.meta.status ?? 'draft',
      // Counts rather than the lists, so a keystroke in a draft does not re-render the header.
      signed: s.session?.draft.signatures.length ?? 0,
      required: s.session && s.session.draft.meta.status !== 'draft' ? s.session.draft.participants.filter((p) => p.mustSign).length : 0,
      version: s.session?.draft.meta.version ?? 1,
      language: s.session?.draft.meta.language ?? 'en',
      canUndo: (s.session?.history.past.length ?? 0) > 0,
      canRedo: (s.session?.history.future.length ?? 0) > 0,
      readOnly: s.session?.readOnly ?? true,
    })),
  );
  const signatures = status === 'draft' ? null : { signed, required };
  const undo = useAppStore((s) => s.undo);
  const redo = useAppStore((s) => s.redo);
  const mod = isMac ? '⌘' : 'Ctrl';
  const undoLabel = t('workshop.undoHint', { keys: `${mod}+Z` });
  const redoLabel = t('workshop.redoHint', { keys: `${mod}+Shift+Z` });

  return (
    <Paper ref={paperRef} withBorder radius="lg" px="lg" py="sm" className="workshop-header">
      <Group justify="space-between" wrap="wrap" gap="md" style={{ rowGap: 'var(--mantine-spacing-xs)' }}>
        <Group ref={identityRef} gap="md" wrap="nowrap" style={{ minWidth: 0, flex: '1 1 16rem' }}>
          <HoverTooltip label={t('ui.workshop.back')}>
            <ActionIcon variant="subtle" size="lg" aria-label={t('ui.workshop.back')} onClick={() => navigate({ name: 'home' })} className="chrome">
              <IconArrowLeft size={18} />
            </ActionIcon>
          </HoverTooltip>
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Title order={1} size="h3" lineClamp={1}>
              {title}
            </Title>
            <Group gap="xs" wrap="nowrap">
              <Text size="sm" c="dimmed" truncate>
                {company || t('ui.row.noCompany')}
              </Text>
              <Badge size="sm" variant="light" color={STATUS_COLORS[displayStatus(status, signatures)]} data-testid="workshop-status">
                {statusLabel(t, status, signatures)}
              </Badge>
              <Badge size="sm" variant="outline" color="indigo">
                <span aria-hidden>{language.toUpperCase()}</span>
                <VisuallyHidden>{t(`common.language.${language}`)}</VisuallyHidden>
              </Badge>
              <Text size="xs" c="dimmed">
                {t('ui.row.version', { version })}
              </Text>
            </Group>
          </Stack>
        </Group>
        <Group ref={toolsRef} gap="sm" wrap="wrap" justify="flex-end" className="chrome workshop-tools" style={{ rowGap: 6 }}>
          <SaveIndicator />
          {!readOnly && (
            <Button.Group>
              <HoverTooltip label={undoLabel}>
                <Button variant="default" size="xs" px={8} aria-label={t('workshop.undo')} disabled={!canUndo} onClick={undo}>
                  <IconArrowBackUp size={16} />
                </Button>
              </HoverTooltip>
              <HoverTooltip label={redoLabel}>
                <Button variant="default" size="xs" px={8} aria-label={t('workshop.redo')} disabled={!canRedo} onClick={redo}>
                  <IconArrowForwardUp size={16} />
                </Button>
              </HoverTooltip>
            </Button.Group>
          )}
          <FacilitationBar step={step} />
          <ShortcutsButton />
        </Group>
      </Group>
    </Paper>
  );
}
