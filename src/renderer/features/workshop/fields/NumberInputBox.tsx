import { TextInput } from '@mantine/core';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../shared/model/limits';
import type { PathTo } from '../../../../shared/model/paths';
import { formatLocaleNumber } from '../../../../shared/numbers/localeNumber';
import { FieldChoices, useProblemText } from './FieldChoices';
import { readNumber } from './numberRead';
import { useDraftedField } from './useDraftedField';
import { fieldId, useReadOnly } from './useField';

/** Where a number lives: a count that is always set, or one that may still be empty. */
export type NumberPath = PathTo<number> | PathTo<number | null>;

export interface NumberInputBoxProps {
  path: NumberPath;
  /** The visible label; with `hideLabel` it only names the box for assistive technology (a table cell). */
  label: string;
  hideLabel?: boolean;
  description?: string;
  placeholder?: string;
  required?: boolean;
  min?: number;
  max?: number;
  /** How many decimals the value may carry; 0 for counts, days and hours. */
  decimals?: number;
  /** false: an empty box is a problem, not null (the months between reviews always have a value). */
  nullable?: boolean;
  prefix?: string;
  suffix?: string;
  /** An amount of money: a fraction is shown with its cents ("1.250.000,50"). */
  money?: boolean;
  /** A problem that involves another field (a minimum above its maximum); the field's own comes first. */
  error?: string;
  /** Stores a valid value somewhere other than `path` directly (a target row found by stage id). */
  commit?(value: number | null): void;
  prepare?(): NumberPath;
  /** DOM id, when the field's path is not the one "still missing" points at. */
  id?: string;
  w?: number | string;
  align?: 'left' | 'right';
}

/** Enough room for a short unit ("h", "días", "€", "US$") without covering the digits. */
const sectionWidth = (text: string | undefined) => (text ? Math.max(28, Math.round(text.trim().length * 8.5) + 18) : undefined);

/**
 * The one number input of the workshop (targets, calculator, protocol, commitments, handoff, KPIs, cadence,
 * the monthly meeting). Text is read the way the interface's language writes numbers; pasted amounts with
 * currency signs and spaces are accepted; ambiguous text is asked about; a value out of range stays on
 * screen with its error and is not stored until it is valid (useDraftedField).
 */
export function NumberInputBox(props: NumberInputBoxProps) {
  const {
    path,
    label,
    hideLabel,
    description,
    placeholder,
    required,
    min = 0,
    max = LIMITS.maxNumber,
    decimals = 0,
    nullable = true,
    prefix,
    suffix,
    money,
    error,
    commit,
    prepare,
    id,
    w,
    align,
  } = props;
  const { i18n } = useTranslation();
  const locale = i18n.language;
  const readOnly = useReadOnly();
  const problemText = useProblemText();
  const input = useRef<HTMLInputElement>(null);
  const rules = { min, max, decimals, nullable };
  const field = useDraftedField<number | null>({
    path,
    label,
    read: (raw, final) => readNumber(raw, final, locale, rules),
    format: (stored) => (typeof stored === 'number' ? formatLocaleNumber(stored, locale, { cents: money }) : ''),
    commit,
    prepare,
  });
  const own = problemText(field.problem);
  return (
    <div style={w === undefined ? undefined : { width: w }}>
      <TextInput
        ref={input}
        id={id ?? fieldId(path)}
        label={hideLabel ? undefined : label}
        aria-label={hideLabel ? label : undefined}
        description={description}
        placeholder={placeholder}
        withAsterisk={required}
        inputMode={decimals > 0 || min < 0 ? 'decimal' : 'numeric'}
        autoComplete="off"
        spellCheck={false}
        value={field.text}
        maxLength={LIMITS.shortText}
        readOnly={readOnly}
        leftSection={prefix?.trim() || undefined}
        leftSectionWidth={sectionWidth(prefix)}
        leftSectionPointerEvents="none"
        rightSection={suffix?.trim() || undefined}
        rightSectionWidth={sectionWidth(suffix)}
        rightSectionPointerEvents="none"
        error={own ?? error}
        styles={{
          input: { fontVariantNumeric: 'tabular-nums', textAlign: align ?? 'left' },
          section: { color: 'var(--mantine-color-gray-7)', fontSize: 'var(--mantine-font-size-sm)' },
        }}
        onChange={(event) => field.onChange(event.currentTarget.value)}
        onBlur={field.onBlur}
      />
      {field.problem?.choices && own && (
        <FieldChoices
          question={own}
          choices={field.problem.choices}
          disabled={readOnly}
          onChoose={(value) => {
            field.choose(value);
            input.current?.focus();
          }}
        />
      )}
    </div>
  );
}
