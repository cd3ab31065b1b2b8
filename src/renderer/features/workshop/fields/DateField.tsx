import { TextInput } from '@mantine/core';
import { useProblemText } from './FieldChoices';
import { useDraftedField } from './useDraftedField';
import type { PathTo } from '../../../../shared/model/paths';
import { fieldId, useReadOnly, type BoundFieldProps } from './useField';

/**
 * A calendar date (YYYY-MM-DD) with the browser's own date picker. Emptying it stores null, unless the
 * field is not nullable (a decision's date): then the stored date is kept and the empty box waits in the
 * field drafts, with its error, until a date is chosen.
 */
export function DateField({ path, label, description, required, nullable = true }: Omit<BoundFieldProps<string>, 'path'> & { path: PathTo<string> | PathTo<string | null>; nullable?: boolean }) {
  const readOnly = useReadOnly();
  const problemText = useProblemText();
  const field = useDraftedField<string | null>({
    path,
    label,
    read: (raw) => {
      if (raw === '') return nullable ? { ok: true, value: null } : { ok: false, problem: { key: 'workshop.fieldDrafts.required' } };
      return /^\d{4}-\d{2}-\d{2}$/.test(raw) ? { ok: true, value: raw } : { ok: false, problem: { key: 'workshop.fieldDrafts.invalidDate' } };
    },
    format: (stored) => stored ?? '',
  });
  return (
    <TextInput
      id={fieldId(path)}
      type="date"
      label={label}
      description={description}
      withAsterisk={required}
      value={field.text}
      readOnly={readOnly}
      error={problemText(field.problem)}
      onBlur={field.onBlur}
      onChange={(event) => field.onChange(event.currentTarget.value)}
    />
  );
}
