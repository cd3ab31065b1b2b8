import { reviewSchedule } from '../../model/cadence';
import { weekdayName } from '../../model/calendarFormat';
import type { AgreementChange } from '../../api/contract';
import { describeChange } from '../../signing/diff';
import type { OutlineBlock } from '../types';
import { shownJobTitle, tableOrNote, text, yesNo, type OutlineContext } from './context';
import { termsBlocks } from './terms';
import type { KeysUnder } from '../../i18n';

/** How many formal reviews the calendar lists. */
export const CALENDAR_LENGTH = 4;

/** Step 7: how often the agreement is reviewed, the calendar that follows, who takes part, the agenda and the terms. */
export function cadenceBlocks(ctx: OutlineContext): OutlineBlock[] {
  const { t, f, agreement } = ctx;
  const { cadence } = agreement;
  // The same working-day calendar the cadence step shows: a review the rule puts on a Saturday is on Monday.
  const dates = cadence.firstReviewDate ? reviewSchedule(cadence.firstReviewDate, cadence.months, CALENDAR_LENGTH) : [];
  const dateCell = ({ date, movedFrom }: { date: string; movedFrom: string | null }) =>
    movedFrom ? t('document.cadence.movedDate', { date: f.date(date), weekday: weekdayName(movedFrom, f.locale) }) : f.date(date);
  const people = cadence.participantIds.flatMap((id) => {
    const p = agreement.participants.find((x) => x.id === id);
    if (!p) return [];
    const jobTitle = shownJobTitle(ctx, p).trim();
    return [jobTitle ? `${text(ctx, p.name)}, ${jobTitle}` : text(ctx, p.name)];
  });
  const agenda = cadence.agenda.filter((item) => item.trim() !== '');
  const cc = (key: KeysUnder<'document.cadence.calendarColumns'>) => t(`document.cadence.calendarColumns.${key}`);
  return [
    {
      kind: 'fields',
      rows: [
        { label: t('document.cadence.every'), value: t('document.cadence.everyValue', { count: cadence.months, value: f.number(cadence.months) }) },
        { label: t('document.cadence.highGrowth'), value: yesNo(ctx, cadence.highGrowth) },
        { label: t('document.cadence.firstReview'), value: cadence.firstReviewDate ? f.date(cadence.firstReviewDate) : t('document.notSet') },
      ],
    },
    { kind: 'subheading', text: t('document.cadence.calendarTitle') },
    tableOrNote(
      dates.map((d, i) => [f.number(i + 1), dateCell(d)]),
      { columns: [cc('n'), cc('date')], widths: [20, 80] },
      t('document.cadence.noCalendar'),
    ),
    { kind: 'subheading', text: t('document.cadence.participantsTitle') },
    people.length > 0 ? { kind: 'list', items: people } : { kind: 'note', text: t('document.cadence.noParticipants') },
    { kind: 'subheading', text: t('document.cadence.agendaTitle') },
    agenda.length > 0 ? { kind: 'list', items: agenda, ordered: true } : { kind: 'note', text: t('document.cadence.noAgenda') },
    ...termsBlocks(ctx),
  ];
}

/** Decisions taken during the workshop, oldest first as logged. */
export function decisionsBlocks(ctx: OutlineContext): OutlineBlock[] {
  const { t, f, agreement } = ctx;
  const c = (key: KeysUnder<'document.decisions.columns'>) => t(`document.decisions.columns.${key}`);
  const rows = agreement.decisions.map((d) => [f.shortDate(d.date), text(ctx, d.text), d.owner.trim() || '—']);
  return [tableOrNote(rows, { columns: [c('date'), c('decision'), c('owner')], widths: [16, 62, 22] }, t('document.decisions.none'))];
}

/** Questions parked for later, with whether they were resolved. */
export function parkingLotBlocks(ctx: OutlineContext): OutlineBlock[] {
  const { t, f, agreement } = ctx;
  const c = (key: KeysUnder<'document.parkingLot.columns'>) => t(`document.parkingLot.columns.${key}`);
  const rows = agreement.parkingLot.map((p) => [
    f.shortDate(p.createdAt.slice(0, 10)),
    text(ctx, p.text),
    t(p.resolved ? 'document.parkingLot.resolved' : 'document.parkingLot.open'),
  ]);
  if (rows.length === 0) return [{ kind: 'note', text: t('document.parkingLot.none') }];
  return [
    { kind: 'paragraph', text: t('document.parkingLot.intro') },
    { kind: 'table', columns: [c('added'), c('item'), c('status')], rows, widths: [16, 68, 16] },
  ];
}

/** What changed since the version this one amends, one sentence per change. */
export function changesBlocks(ctx: OutlineContext, changes: AgreementChange[], baseVersion: number): OutlineBlock[] {
  return [
    { kind: 'paragraph', text: ctx.t('document.changes.intro', { version: baseVersion }) },
    { kind: 'list', items: changes.map((change) => describeChange(change, ctx.t)) },
  ];
}
