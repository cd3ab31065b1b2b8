import { Switch } from '@mantine/core';
import { fieldId, useFieldValue, useReadOnly, useSetField, type BoundFieldProps } from './useField';

export function SwitchField({ path, label, description }: BoundFieldProps<boolean>) {
  const value = useFieldValue<boolean>(path) ?? false;
  const setField = useSetField();
  const readOnly = useReadOnly();
  return (
    <Switch
      id={fieldId(path)}
      label={label}
      description={description}
      checked={value}
      disabled={readOnly}
      onChange={(event) => setField(path, event.currentTarget.checked)}
    />
  );
}
