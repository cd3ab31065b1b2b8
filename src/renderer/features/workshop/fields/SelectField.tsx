import { NativeSelect } from '@mantine/core';
import type { PathWithin } from '../../../../shared/model/paths';
import { fieldId, useFieldValue, useReadOnly, useSetField, type BoundFieldProps } from './useField';

interface Props extends Omit<BoundFieldProps<string>, 'path'> {
  /** A text or a choice among fixed values (the options), possibly empty. */
  path: PathWithin<string | null>;
  options: { value: string; label: string }[];
  /** Adds an empty choice that stores null. */
  nullable?: boolean;
  nullLabel?: string;
}

/** A native select: keyboard- and screen-reader-friendly everywhere, and quick on a projector. */
export function SelectField({ path, label, description, required, options, nullable, nullLabel }: Props) {
  const value = useFieldValue<string | null>(path);
  const setField = useSetField();
  const readOnly = useReadOnly();
  const data = nullable ? [{ value: '', label: nullLabel ?? '—' }, ...options] : options;
  return (
    <NativeSelect
      id={fieldId(path)}
      label={label}
      description={description}
      withAsterisk={required}
      data={data}
      value={value ?? ''}
      disabled={readOnly}
      onChange={(event) => setField(path, nullable && event.currentTarget.value === '' ? null : event.currentTarget.value)}
    />
  );
}
