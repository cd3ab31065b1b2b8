import { TextInput } from '@mantine/core';
import { fieldId, useFieldValue, useReadOnly, useSetField, type BoundFieldProps } from './useField';

/**
 * A calendar date (YYYY-MM-DD) with the browser's own date picker. Emptying it stores null, unless the
 * field is not nullable (a decision's date): then the stored date is kept.
 */
export function DateField({ path, label, description, required, nullable = true }: BoundFieldProps & { nullable?: boolean }) {
  const value = useFieldValue<string | null>(path);
  const setField = useSetField();
  const readOnly = useReadOnly();
  return (
    <TextInput
      id={fieldId(path)}
      type="date"
      label={label}
      description={description}
      withAsterisk={required}
      value={value ?? ''}
      readOnly={readOnly}
      onChange={(event) => {
        const next = event.currentTarget.value;
        if (next === '') {
          if (nullable) setField(path, null);
        } else if (/^\d{4}-\d{2}-\d{2}$/.test(next)) setField(path, next);
      }}
    />
  );
}
