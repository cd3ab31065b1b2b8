import { Textarea } from '@mantine/core';
import { LIMITS } from '../../../../shared/model/limits';
import { growingTextareaStyle } from './growingTextarea';
import { useBoundText } from './useBoundText';
import { fieldId, useReadOnly, type BoundFieldProps } from './useField';

/** Multi-line text that grows with its content. */
export function TextAreaField({ path, label, description, placeholder, required, minRows = 2 }: BoundFieldProps<string> & { minRows?: number }) {
  const bound = useBoundText<HTMLTextAreaElement>(path);
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
      ref={bound.ref}
      maxLength={LIMITS.longText}
      readOnly={readOnly}
      onChange={bound.onChange}
    />
  );
}
