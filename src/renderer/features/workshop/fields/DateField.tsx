import { DateInput } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { pickLanguage } from '../../../../shared/i18n';
import { formatCalendarDate } from '../../../../shared/model/calendarFormat';
import { DATE_INPUT_FORMAT, parseTypedDate } from '../../../lib/typedDate';
import { fieldId, useFieldValue, useReadOnly, useSetField, type BoundFieldProps } from './useField';

const CALENDAR_LABELS = ['previousMonth', 'nextMonth', 'previousYear', 'nextYear', 'previousDecade', 'nextDecade', 'monthLevelControl', 'yearLevelControl'] as const;

/** Text on screen that is not (yet) a date, and the stored value it was typed over. */
interface Typed {
  text: string;
  over: string | null;
}

interface Props extends BoundFieldProps {
  /** False for dates the agreement cannot lack (a decision's date): emptying the box then keeps the stored date. */
  nullable?: boolean;
  /** What to say under the box about a valid date; by default the date in words with its weekday. */
  describe?: (iso: string, words: string) => ReactNode;
}

const capitalize = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

/**
 * A calendar date (stored as YYYY-MM-DD) typed the way the interface language writes dates (DD/MM/YYYY in
 * Spanish, MM/DD/YYYY in English, never the browser's own format) or picked from a calendar in that
 * language. Under the box the date is written out with its weekday. Text that is not a date stays on
 * screen with an error until it is corrected; the stored date is unchanged meanwhile (an empty box stores
 * "no date" when left, where the field allows it). That text lives in this component: leaving the step
 * drops it (the workshop-wide draft store will keep it once it exists).
 */
export function DateField({ path, label, description, required, nullable = true, describe }: Props) {
  const { t, i18n } = useTranslation();
  const lang = pickLanguage(i18n.language);
  const value = useFieldValue<string | null>(path);
  const setField = useSetField();
  const readOnly = useReadOnly();
  const [typed, setTyped] = useState<Typed | null>(null);
  const [focused, setFocused] = useState(false);

  // An undo or another window can change the date under the typed text: the stored value then wins.
  const pending = typed && typed.over === value ? typed.text : null;
  const problem = pending === null ? null : pending.trim() === '' ? (nullable ? null : 'required') : 'invalid';
  // Half-typed dates are not errors yet: say so once the person leaves the box or has typed a whole date.
  const showProblem = problem !== null && (!focused || (pending?.trim().length ?? 0) >= DATE_INPUT_FORMAT[lang].length);
  const words = value && pending === null ? capitalize(formatCalendarDate(value, i18n.language, 'long')) : null;
  const below = words && value ? (describe ? describe(value, words) : words) : null;

  const onText = (text: string) => {
    const parsed = parseTypedDate(text, lang);
    if (parsed) {
      setTyped(null);
      if (parsed !== value) setField(path, parsed);
    } else setTyped({ text, over: value });
  };
  // Emptying the box is only final on leaving it: clearing it to type another date keeps the stored one meanwhile.
  const onLeave = () => {
    setFocused(false);
    if (pending === null || pending.trim() !== '' || !nullable) return;
    setTyped(null);
    if (value !== null) setField(path, null);
  };

  return (
    <DateInput
      id={fieldId(path)}
      label={label}
      withAsterisk={required}
      description={[description, below].filter(Boolean).length > 0 ? <>{description && <span>{description} </span>}{below}</> : undefined}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      error={showProblem ? t(`workshop.date.${problem}`) : undefined}
      placeholder={t('workshop.date.placeholder')}
      value={value}
      valueFormat={DATE_INPUT_FORMAT[lang]}
      dateParser={(text) => parseTypedDate(text, lang)}
      // Put back the stored date on leaving only when the text on screen is that date; otherwise keep the text.
      fixOnBlur={pending === null}
      readOnly={readOnly}
      leftSection={<IconCalendar size={16} aria-hidden />}
      ariaLabels={Object.fromEntries(CALENDAR_LABELS.map((key) => [key, t(`workshop.date.calendar.${key}`)]))}
      popoverProps={{ withinPortal: true }}
      onInput={(event) => onText(event.currentTarget.value)}
      onChange={(next) => {
        // Typing is handled by onInput; this is a day picked in the calendar.
        setTyped(null);
        if (next && next !== value) setField(path, next.slice(0, 10));
      }}
      onFocus={() => setFocused(true)}
      onBlur={onLeave}
    />
  );
}
