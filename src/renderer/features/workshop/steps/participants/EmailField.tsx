import { TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldPath } from '../../../../../shared/model/completeness';
import { LIMITS } from '../../../../../shared/model/limits';
import { participantSchema } from '../../../../../shared/model/schema';
import { fieldId, useReadOnly } from '../../fields/useField';
import { useGuardedText } from './useGuardedText';

/** Same rule as the schema, so what reaches the draft always saves. */
const acceptable = (text: string) => participantSchema.shape.email.safeParse(text).success;

/** An optional e-mail: half-typed addresses stay on screen with a hint and never reach the draft. */
export function EmailField({ path }: { path: FieldPath }) {
  const { t } = useTranslation();
  const readOnly = useReadOnly();
  const { text, change, accepted } = useGuardedText(path, acceptable);
  // Only after leaving the field: a hint on every keystroke of "laura@…" would be noise on the projector.
  const [left, setLeft] = useState(false);
  return (
    <TextInput
      id={fieldId(path)}
      type="email"
      label={t('steps.participants.fields.email.label')}
      placeholder={t('steps.participants.fields.email.placeholder')}
      value={text}
      maxLength={LIMITS.shortText}
      readOnly={readOnly}
      autoComplete="off"
      error={left && !accepted ? t('steps.participants.fields.email.invalid') : undefined}
      onBlur={() => setLeft(true)}
      onChange={(event) => change(event.currentTarget.value)}
    />
  );
}
