import { TextInput } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatLocaleNumber } from '../../../../shared/numbers/localeNumber';
import type { FieldProblem } from '../../workshop/state/fieldDrafts';
import { FieldChoices, useProblemText } from '../../workshop/fields/FieldChoices';
import { readNumber, type NumberFieldRules } from '../../workshop/fields/numberRead';

/**
 * A number of a month's actuals, read exactly as the workshop's number boxes read theirs (`readNumber`: the
 * interface's separators, pasted amounts, "which number do you mean?" when ambiguous, never clamped) but
 * stored through the results store instead of the workshop's draft. Text that is not a valid number stays
 * on screen with its problem and is not saved; the stored value goes back to what it was before the typing.
 */
export function MonthNumberInput({
  value,
  onCommit,
  label,
  rules,
  w,
}: {
  value: number | null;
  onCommit(value: number | null): void;
  label: string;
  rules: NumberFieldRules;
  w?: number | string;
}) {
  const { i18n } = useTranslation();
  const locale = i18n.language;
  const problemText = useProblemText();
  const input = useRef<HTMLInputElement>(null);
  const [typing, setTyping] = useState<string | null>(null);
  const [problem, setProblem] = useState<FieldProblem | null>(null);
  // The value stored when this round of typing began: an invalid text puts it back rather than keep a passing prefix.
  const origin = useRef<number | null | undefined>(undefined);

  const apply = (raw: string, final: boolean) => {
    if (origin.current === undefined) origin.current = value;
    const read = readNumber(raw, final, locale, rules);
    if (read.ok) {
      setProblem(null);
      if (!Object.is(read.value, value)) onCommit(read.value);
      return;
    }
    if (!Object.is(value, origin.current)) onCommit(origin.current);
    setProblem(final || !read.unfinished ? read.problem : null);
  };

  const own = problemText(problem);
  const text = typing ?? (typeof value === 'number' ? formatLocaleNumber(value, locale) : '');
  return (
    <div style={{ width: w, marginInlineStart: 'auto' }}>
      <TextInput
        ref={input}
        aria-label={label}
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        size="xs"
        value={text}
        error={own}
        styles={{ input: { fontVariantNumeric: 'tabular-nums', textAlign: 'right' } }}
        onChange={(event) => {
          const raw = event.currentTarget.value;
          setTyping(raw);
          apply(raw, false);
        }}
        onBlur={() => {
          if (typing === null) return;
          origin.current = undefined;
          const read = readNumber(typing, true, locale, rules);
          apply(typing, true);
          // A valid text is shown the interface's way from now on; an invalid one stays as typed.
          if (read.ok) setTyping(null);
        }}
      />
      {problem?.choices && own && (
        <FieldChoices
          question={own}
          choices={problem.choices}
          onChoose={(choice) => {
            setTyping(null);
            setProblem(null);
            onCommit(choice);
            input.current?.focus();
          }}
        />
      )}
    </div>
  );
}
