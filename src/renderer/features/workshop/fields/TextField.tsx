import { TextInput } from '@mantine/core';
import { LIMITS } from '../../../../shared/model/limits';
import { useBoundText } from './useBoundText';
import { fieldId, useReadOnly, type BoundFieldProps } from './useField';

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
  const bound = useBoundText<HTMLInputElement>(path);
  const readOnly = useReadOnly();
  return (
    <TextInput
      id={fieldId(path)}
      label={label}
      description={description}
      placeholder={placeholder}
      withAsterisk={required}
      type={type ?? 'text'}
      ref={bound.ref}
      maxLength={LIMITS.shortText}
      readOnly={readOnly}
      list={list}
      autoComplete={list ? 'off' : undefined}
      onChange={bound.onChange}
    />
  );
}
