import { TextInput } from '@mantine/core';
import { LIMITS } from '../../../../shared/model/limits';
import { fieldId, useFieldValue, useReadOnly, useSetField, type BoundFieldProps } from './useField';

/** A one-line text bound to the draft; saved by the autosave like every edit. */
export function TextField({
  path,
  label,
  description,
  placeholder,
  required,
  type,
  list,
}: BoundFieldProps<string> & { type?: 'text' | 'email'; /** id of a <datalist> of suggestions */ list?: string }) {
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
      list={list}
      autoComplete={list ? 'off' : undefined}
      onChange={(event) => setField(path, event.currentTarget.value)}
    />
  );
}
