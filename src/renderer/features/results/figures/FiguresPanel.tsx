import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { MonthPickerInput } from '@mantine/dates';
import { IconChevronDown, IconChevronRight, IconPlus } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useActuals, useActualsStore, useResultsAgreement } from '../ResultsContext';
import { useCellDrafts } from './cellDrafts';
import { figureColumns, holdsMeetingNotes, withoutFigures } from './figureColumns';
import { FiguresGrid } from './FiguresGrid';
import { monthName, monthOfPicked, monthToAdd } from './months';
import { RemoveMonthDialog } from './RemoveMonthDialog';

const CALENDAR_LABELS = ['previousYear', 'nextYear', 'previousDecade', 'nextDecade'] as const;

/**
 * The figures by month: typed or corrected by hand, or written by an import, on any version of the agreement
 * (signed ones too: the figures live beside it and never change what was signed). Saved as they are typed.
 */
export function FiguresPanel() {
  const { t, i18n } = useTranslation();
  const agreement = useResultsAgreement();
  const store = useActualsStore();
  const id = agreement.meta.id;
  const months = useActuals(useShallow((s) => s.months.map((m) => m.month)));
  // The columns depend only on which old fixed stages some month holds, not on every figure typed.
  const unmatchedKeys = useActuals(useShallow((s) => [...new Set(s.months.flatMap((m) => m.unmatchedStages.map((u) => u.key)))].sort()));
  const columns = useMemo(
    () => figureColumns(agreement, [{ unmatchedStages: unmatchedKeys.map((key) => ({ key, count: null })) }]),
    [agreement, unmatchedKeys],
  );
  const [showMore, setShowMore] = useState(false);
  const shown = useMemo(() => columns.filter((c) => showMore || c.group === 'main'), [columns, showMore]);
  const [removing, setRemoving] = useState<string | null>(null);
  const [focusMonth, setFocusMonth] = useState<string | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const invalid = useCellDrafts((s) => Object.values(s.byAgreement[id] ?? {}).filter((d) => d.settled).length);

  useEffect(() => useCellDrafts.getState().load(id), [id]);

  // A month just added: its first cell takes the focus, so typing can start at once.
  useEffect(() => {
    if (!focusMonth) return;
    const row = months.indexOf(focusMonth);
    const cell = row >= 0 ? (root.current?.querySelector<HTMLInputElement>(`input[data-cell="${row}:0"]`) ?? null) : null;
    if (cell) {
      cell.focus();
      cell.scrollIntoView({ block: 'nearest' });
      setFocusMonth(null);
    }
  }, [focusMonth, months]);

  const add = (month: string) => {
    if (!months.includes(month)) store.getState().editMonth(month, (m) => m);
    setFocusMonth(month);
  };
  const next = monthToAdd(months, new Date());
  const removingMonth = removing ? store.getState().months.find((m) => m.month === removing) : undefined;
  const keepsNotes = removingMonth ? holdsMeetingNotes(removingMonth) : false;

  const confirmRemove = () => {
    if (!removing) return;
    const month = removing;
    setRemoving(null);
    useCellDrafts.getState().dropMonth(id, month);
    if (keepsNotes) store.getState().editMonth(month, withoutFigures);
    else void store.getState().replaceMonths(store.getState().months.filter((m) => m.month !== month));
  };

  return (
    <Stack gap="md" ref={root}>
      <Text size="sm">{t('results.figures.intro')}</Text>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => add(next)}>
          {t('results.figures.addNext', { month: monthName(next, i18n.language) })}
        </Button>
        <MonthPickerInput
          label={t('results.figures.pickMonth')}
          placeholder={t('results.figures.pickMonthPlaceholder')}
          value={null}
          onChange={(value) => {
            const month = monthOfPicked(value);
            if (month) add(month);
          }}
          w={220}
          // One id for the box, its label and the popover, so the calendar is named after the label.
          id={`figures-pick-month-${id}`}
          popoverProps={{ withinPortal: true, id: `figures-pick-month-${id}` }}
          ariaLabels={Object.fromEntries(CALENDAR_LABELS.map((key) => [key, t(`workshop.date.calendar.${key}`)]))}
        />
        <Button
          variant="subtle"
          leftSection={showMore ? <IconChevronDown size={16} aria-hidden /> : <IconChevronRight size={16} aria-hidden />}
          aria-expanded={showMore}
          onClick={() => setShowMore((v) => !v)}
        >
          {t('results.figures.moreFigures')}
        </Button>
      </Group>
      {invalid > 0 && (
        <Alert color="orange" role="status" data-testid="figures-invalid">
          <Text size="sm">{t('results.figures.invalid', { count: invalid })}</Text>
        </Alert>
      )}
      {months.length === 0 ? (
        <Text c="gray.7" data-testid="figures-empty">
          {t('results.figures.empty')}
        </Text>
      ) : (
        <FiguresGrid agreement={agreement} months={months} columns={shown} onRemove={setRemoving} />
      )}
      <Text size="xs" c="gray.7">
        {t('results.figures.keyboardHint')}
      </Text>
      <RemoveMonthDialog month={removing} keepsNotes={keepsNotes} onConfirm={confirmRemove} onCancel={() => setRemoving(null)} />
    </Stack>
  );
}
