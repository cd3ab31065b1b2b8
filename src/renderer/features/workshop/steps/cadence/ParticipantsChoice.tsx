import { Checkbox, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fieldId } from '../../../../../shared/model/paths';
import { useDraftSelector, useEdit, useReadOnly } from '../../fields/useField';

const path = ['cadence', 'participantIds'];

/**
 * Who takes part in the formal reviews, chosen from the agreement's participants. The stored list follows
 * the participants' order, and ids of people since removed are dropped on the next change.
 */
export function ParticipantsChoice() {
  const { t } = useTranslation();
  const edit = useEdit();
  const readOnly = useReadOnly();
  const participants = useDraftSelector((d) => d.participants) ?? [];
  const selected = useDraftSelector((d) => d.cadence.participantIds) ?? [];

  if (participants.length === 0) {
    return (
      <Stack gap={4}>
        <Text fw={500} size="sm">
          {t('steps.cadence.participants.label')}
        </Text>
        {/* Focusable so the "still missing" link has somewhere to land. */}
        <Text size="sm" c="dimmed" id={fieldId(path)} tabIndex={-1}>
          {t('steps.cadence.participants.none')}
        </Text>
      </Stack>
    );
  }

  const onChange = (next: string[]) =>
    edit((draft) => {
      draft.cadence.participantIds = draft.participants.map((p) => p.id).filter((pid) => next.includes(pid));
    });

  return (
    <Checkbox.Group
      label={t('steps.cadence.participants.label')}
      description={t('steps.cadence.participants.help')}
      value={selected}
      onChange={onChange}
      readOnly={readOnly}
      withAsterisk
    >
      <Stack gap="sm" mt="xs">
        {participants.map((p, index) => (
          <Checkbox
            key={p.id}
            // The first box carries the field's id, so focusing the field lands inside the group.
            id={index === 0 ? fieldId(path) : undefined}
            value={p.id}
            label={p.name.trim() || t('steps.cadence.participants.unnamed', { n: index + 1 })}
            description={[p.jobTitle.trim(), t(`common.teams.${p.team}`)].filter(Boolean).join(' · ')}
          />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}
