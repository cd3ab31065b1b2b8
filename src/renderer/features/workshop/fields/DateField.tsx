import { ActionIcon, Popover, TextInput } from '@mantine/core';
import { DatePicker } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { pickLanguage } from '../../../../shared/i18n';
import { formatCalendarDate } from '../../../../shared/model/calendarFormat';
import { DATE_INPUT_FORMAT, formatTypedDate, parseTypedDate } from '../../../lib/typedDate';
import { useProblemText } from './FieldChoices';
import { useDraftedField } from './useDraftedField';
import type { PathTo } from '../../../../shared/model/paths';
import { fieldId, useFieldValue, useReadOnly, type BoundFieldProps } from './useField';

// The header's month/year button is named by the month it shows (its visible text), so it takes no label here.
const CALENDAR_LABELS = ['previousMonth', 'nextMonth', 'previousYear', 'nextYear', 'previousDecade', 'nextDecade'] as const;

interface Props extends Omit<BoundFieldProps<string>, 'path'> {
  path: PathTo<string> | PathTo<string | null>;
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
 * screen and in the workshop's field drafts with its error until it is corrected; the stored date is
 * unchanged meanwhile. Emptying the box stores "no date" on leaving it, where the field allows it.
 */
export function DateField({ path, label, description, required, nullable = true, describe }: Props) {
  const { t, i18n } = useTranslation();
  const lang = pickLanguage(i18n.language);
  const readOnly = useReadOnly();
  const problemText = useProblemText();
  const input = useRef<HTMLInputElement>(null);
  const [calendarOpen, setCalendarOpen] = useState(false);
  const field = useDraftedField<string | null>({
    path,
    label,
    read: (raw, final) => {
      const text = raw.trim();
      // Clearing the box to type another date keeps the stored one until the person leaves it.
      if (text === '') return final && nullable ? { ok: true, value: null } : { ok: false, problem: { key: 'workshop.date.required' }, unfinished: !final };
      const parsed = parseTypedDate(text, lang);
      if (parsed) return { ok: true, value: parsed };
      // A half-typed date is not an error yet: it is judged once whole or once the person leaves the box.
      return { ok: false, problem: { key: 'workshop.date.invalid' }, unfinished: text.length < DATE_INPUT_FORMAT[lang].length };
    },
    format: (stored) => (stored ? formatTypedDate(stored, lang) : ''),
  });
  const stored = useFieldValue<string | null>(path) ?? null;
  const showsStored = stored !== null && field.text === formatTypedDate(stored, lang);
  const words = stored && showsStored ? capitalize(formatCalendarDate(stored, i18n.language, 'long')) : null;
  const below = words && stored ? (describe ? describe(stored, words) : words) : null;

  const calendar = readOnly ? undefined : (
    // Closing the calendar (a day picked, Escape, a click elsewhere) puts the focus back in the box, where typing goes on.
    <Popover
      opened={calendarOpen}
      onChange={setCalendarOpen}
      onClose={() => input.current?.focus()}
      position="bottom-end"
      withinPortal
      trapFocus
      returnFocus={false}
    >
      <Popover.Target>
        <ActionIcon
          variant="subtle"
          color="gray"
          aria-label={t('workshop.date.openCalendar', { field: label })}
          aria-expanded={calendarOpen}
          onClick={() => setCalendarOpen((open) => !open)}
        >
          <IconCalendar size={16} aria-hidden />
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown>
        <DatePicker
          value={stored}
          defaultDate={stored ?? undefined}
          // Days of the months around are left out: dimmed, they would be unreadable on a projector.
          hideOutsideDates
          ariaLabels={Object.fromEntries(CALENDAR_LABELS.map((key) => [key, t(`workshop.date.calendar.${key}`)]))}
          onChange={(day) => {
            if (day) field.choose(day.slice(0, 10));
            setCalendarOpen(false);
            requestAnimationFrame(() => input.current?.focus());
          }}
        />
      </Popover.Dropdown>
    </Popover>
  );

  return (
    <TextInput
      ref={input}
      id={fieldId(path)}
      label={label}
      withAsterisk={required}
      description={
        description || below ? (
          <>
            {description && <span>{description} </span>}
            {below}
          </>
        ) : undefined
      }
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      placeholder={t('workshop.date.placeholder')}
      autoComplete="off"
      value={field.text}
      readOnly={readOnly}
      error={problemText(field.problem)}
      rightSection={calendar}
      onBlur={field.onBlur}
      onChange={(event) => field.onChange(event.currentTarget.value)}
    />
  );
}
