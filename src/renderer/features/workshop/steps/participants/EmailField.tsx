import { TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../../shared/model/limits';
import type { PathTo } from '../../../../../shared/model/paths';
import { participantSchema } from '../../../../../shared/model/schema';
import { useProblemText } from '../../fields/FieldChoices';
import { useDraftedField } from '../../fields/useDraftedField';
import { fieldId, useReadOnly } from '../../fields/useField';

/** Same rule as the schema, so what reaches the draft always saves. */
const acceptable = (text: string) => participantSchema.shape.email.safeParse(text).success;

/**
 * An optional e-mail. A half-typed address stays on screen, and in the field drafts, with a hint; it never
 * reaches the agreement, and the save state says it is not saved until it is complete.
 */
export function EmailField({ path }: { path: PathTo<string> }) {
  const { t } = useTranslation();
  const readOnly = useReadOnly();
  const problemText = useProblemText();
  const label = t('steps.participants.fields.email.label');
  const field = useDraftedField<string>({
    path,
    label,
    // "Unfinished" until the user leaves the field: a hint on every keystroke of "laura@…" would be noise on the projector.
    read: (raw) => (acceptable(raw) ? { ok: true, value: raw } : { ok: false, problem: { key: 'steps.participants.fields.email.invalid' }, unfinished: true }),
    format: (stored) => stored ?? '',
  });
  return (
    <TextInput
      id={fieldId(path)}
      type="email"
      label={label}
      placeholder={t('steps.participants.fields.email.placeholder')}
      value={field.text}
      maxLength={LIMITS.shortText}
      readOnly={readOnly}
      autoComplete="off"
      error={problemText(field.problem)}
      onBlur={field.onBlur}
      onChange={(event) => field.onChange(event.currentTarget.value)}
    />
  );
}
