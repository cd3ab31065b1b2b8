import { Textarea } from '@mantine/core';
import { LIMITS } from '../../../../shared/model/limits';
import { growingTextareaStyle } from './growingTextarea';
import { fieldId, useFieldValue, useReadOnly, useSetField, type BoundFieldProps } from './useField';

/** Multi-line text that grows with its content. */
export function TextAreaField({ path, label, description, placeholder, required, minRows = 2 }: BoundFieldProps<string> & { minRows?: number }) {
  const value = useFieldValue<string>(path) ?? '';
  const setField = useSetField();
  const readOnly = useReadOnly();
  return (
    <Textarea
      id={fieldId(path)}
      label={label}
      description={description}
      placeholder={placeholder}
      withAsterisk={required}
      rows={minRows}
      styles={{ input: growingTextareaStyle(minRows) }}
      value={value}
      maxLength={LIMITS.longText}
      readOnly={readOnly}
      onChange={(event) => setField(path, event.currentTarget.value)}
    />
  );
}
