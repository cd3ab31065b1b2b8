import { TextInput } from '@mantine/core';
import { LIMITS } from '../../../../shared/model/limits';
import { fieldId, useFieldValue, useReadOnly, useSetField, type BoundFieldProps } from './useField';

/** A one-line text bound to the draft; saved by the autosave like every edit. */
export function TextField({ path, label, description, placeholder, required, type }: BoundFieldProps & { type?: 'text' | 'email' }) {
  const value = useFieldValue<string>(path) ?? '';
  const setField = useSetField();
  const readOnly = useReadOnly();
  return (
    <TextInput
      id={fieldId(path)}
      label={label}
      description={description}
      placeholder={placeholder}
      withAsterisk={required}
      type={type ?? 'text'}
      value={value}
      maxLength={LIMITS.shortText}
      readOnly={readOnly}
      onChange={(event) => setField(path, event.currentTarget.value)}
    />
  );
}
