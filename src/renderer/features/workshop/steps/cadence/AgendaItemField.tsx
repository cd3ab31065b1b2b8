import { TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../../shared/model/limits';
import { fieldId, useFieldValue, useReadOnly, useSetField } from '../../fields/useField';

/**
 * One line of the review agenda. A numbered box with its label for screen readers only: a visible label
 * over every line would double the height of a list that is read as a list.
 */
export function AgendaItemField({ index }: { index: number }) {
  const { t } = useTranslation();
  const path = ['cadence', 'agenda', index] as const;
  const value = useFieldValue<string | undefined>(path) ?? '';
  const setField = useSetField();
  const readOnly = useReadOnly();
  return (
    <TextInput
      id={fieldId(path)}
      aria-label={t('steps.cadence.agenda.item', { n: index + 1 })}
      leftSection={<span aria-hidden>{index + 1}.</span>}
      value={value}
      maxLength={LIMITS.shortText}
      readOnly={readOnly}
      onChange={(event) => setField(path, event.currentTarget.value)}
    />
  );
}
