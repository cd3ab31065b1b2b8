import { Text, TextInput } from '@mantine/core';
import { memo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../shared/model/limits';
import { formatLocaleNumber } from '../../../../shared/numbers/localeNumber';
import { FieldChoices, useProblemText } from '../../workshop/fields/FieldChoices';
import { useActuals, useActualsStore } from '../ResultsContext';
import { cellKey, useCellDrafts } from './cellDrafts';
import { figureValue, targetVerdict, withFigure, type FigureColumn } from './figureColumns';
import { formatFigure, readFigure } from './figureText';

export interface FigureCellProps {
  agreementId: string;
  month: string;
  column: FigureColumn;
  /** "<column> · <month>": what a screen reader announces on entering the cell. */
  label: string;
  /** Its place in the grid (separate props so the memo holds); outside the grid (the review's custom KPIs) there is none. */
  row?: number;
  col?: number;
  /** Enter moves down a row (Shift+Enter up), like a spreadsheet; without it Enter stays put. */
  onMove?(row: number, col: number): void;
  /** The target line under the value (the review shows the target in its own column instead). */
  showTarget?: boolean;
}

const UNSET = Symbol('unset');

/** The target under a value, in words as well as colour: "≥ 120 · met". */
function TargetLine({ column, value }: { column: FigureColumn; value: number | null }) {
  const { t, i18n } = useTranslation();
  const target = column.target;
  if (!target) return null;
  const verdict = targetVerdict(value, target);
  const amount = formatLocaleNumber(target.value, i18n.language, { cents: column.unit === 'currency' });
  const text = t(`results.figures.target.${target.direction ?? 'plain'}`, { value: amount });
  return (
    <Text component="span" size="xs" c={verdict === 'missed' ? 'red.9' : verdict === 'met' ? 'teal.9' : 'gray.7'} data-verdict={verdict ?? 'none'}>
      {verdict ? `${text} · ${t(`results.figures.verdict.${verdict}`)}` : text}
    </Text>
  );
}

/**
 * One figure of one month, wherever it is typed (the figures grid, the review's custom KPIs): the same box, so
 * a value reads and keeps its text alike in both. Valid text is stored at once (the store saves it shortly
 * after); any other text stays in the box with its problem and in the cell drafts (so a reload keeps it, and
 * the other screen shows it too), and the value stored before the typing began is kept, so "150" passing
 * through "15" on its way to "15x" never leaves 15 saved.
 */
export const FigureCell = memo(function FigureCell({ agreementId, month, column, label, row, col, onMove, showTarget = true }: FigureCellProps) {
  const { i18n } = useTranslation();
  const locale = i18n.language;
  const store = useActualsStore();
  const stored = useActuals((s) =>
    figureValue(
      s.months.find((m) => m.month === month),
      column.source,
    ),
  );
  const key = cellKey(month, column.id);
  const draft = useCellDrafts((s) => s.byAgreement[agreementId]?.[key] ?? null);
  const problemText = useProblemText();
  const [typing, setTyping] = useState<string | null>(null);
  const origin = useRef<number | null | typeof UNSET>(UNSET);
  const input = useRef<HTMLInputElement>(null);

  const current = () =>
    figureValue(
      store.getState().months.find((m) => m.month === month),
      column.source,
    );
  const store_ = (value: number | null) => {
    if (current() !== value) store.getState().editMonth(month, (m) => withFigure(m, column.source, value));
  };

  const apply = (raw: string, final: boolean) => {
    const result = readFigure(raw, final, locale, column);
    if (origin.current === UNSET) origin.current = current();
    const drafts = useCellDrafts.getState();
    if (result.ok) {
      store_(result.value);
      drafts.drop(agreementId, key);
      return;
    }
    store_(origin.current);
    drafts.put(agreementId, key, { raw, problem: result.problem, settled: final || !result.unfinished });
  };

  const choose = (value: number) => {
    setTyping(null);
    origin.current = UNSET;
    store_(value);
    useCellDrafts.getState().drop(agreementId, key);
    input.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (!onMove || row === undefined || col === undefined) return;
    if (event.key !== 'Enter' || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    onMove(event.shiftKey ? row - 1 : row + 1, col);
  };

  const problem = draft?.settled ? problemText(draft.problem) : undefined;
  const text = typing ?? draft?.raw ?? formatFigure(stored, locale, column);
  return (
    <div>
      <TextInput
        ref={input}
        aria-label={label}
        size="sm"
        inputMode={column.limits.decimals > 0 || column.limits.min < 0 ? 'decimal' : 'numeric'}
        autoComplete="off"
        spellCheck={false}
        maxLength={LIMITS.shortText}
        value={text}
        error={problem}
        description={showTarget && column.target ? <TargetLine column={column} value={stored} /> : undefined}
        inputWrapperOrder={['label', 'input', 'description', 'error']}
        data-cell={row === undefined ? undefined : `${row}:${col}`}
        styles={{ input: { fontVariantNumeric: 'tabular-nums', textAlign: 'right', minWidth: 96 }, description: { marginTop: 2 } }}
        onChange={(event) => {
          setTyping(event.currentTarget.value);
          apply(event.currentTarget.value, false);
        }}
        onBlur={() => {
          setTyping(null);
          const pending = useCellDrafts.getState().byAgreement[agreementId]?.[key];
          if (pending) apply(pending.raw, true);
          origin.current = UNSET;
        }}
        onKeyDown={onKeyDown}
      />
      {draft?.settled && draft.problem.choices && problem && <FieldChoices question={problem} choices={draft.problem.choices} onChoose={choose} />}
    </div>
  );
});
