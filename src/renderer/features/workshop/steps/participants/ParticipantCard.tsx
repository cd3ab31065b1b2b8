import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TEAMS, type Participant } from '../../../../../shared/model/schema';
import { SelectField } from '../../fields/SelectField';
import { SwitchField } from '../../fields/SwitchField';
import { TextField } from '../../fields/TextField';
import { useFieldValue } from '../../fields/useField';
import { EmailField } from './EmailField';

export const ROLES = ['leader', 'member', 'facilitator'] as const;

/**
 * One person. The card is a group named "Participant N" (a stable name, unlike the person's own, so
 * tests and screen readers can find the card before and after the name is typed).
 */
export function ParticipantCard({ index }: { index: number }) {
  const { t } = useTranslation();
  const path = <F extends keyof Participant>(field: F) => ['participants', index, field] as const;
  // A signer's job title goes on the signature page, so it is required only for those who sign.
  const signs = useFieldValue<boolean | undefined>(path('mustSign')) ?? false;
  return (
    <Stack gap="sm" role="group" aria-label={t('steps.participants.itemN', { n: index + 1 })}>
      <div className="form-grid form-grid-3">
        <TextField
          path={path('name')}
          label={t('steps.participants.fields.name.label')}
          placeholder={t('steps.participants.fields.name.placeholder')}
          required
        />
        <TextField
          path={path('jobTitle')}
          label={t('steps.participants.fields.jobTitle.label')}
          placeholder={t('steps.participants.fields.jobTitle.placeholder')}
          required={signs}
        />
        <EmailField path={path('email')} />
        <SelectField
          path={path('team')}
          label={t('steps.participants.fields.team.label')}
          options={TEAMS.map((team) => ({ value: team, label: t(`common.teams.${team}`) }))}
        />
        <SelectField
          path={path('role')}
          label={t('steps.participants.fields.role.label')}
          options={ROLES.map((role) => ({ value: role, label: t(`steps.participants.roles.${role}`) }))}
        />
        <div className="switch-beside-selects">
          <SwitchField path={path('mustSign')} label={t('steps.participants.fields.mustSign.label')} />
        </div>
      </div>
    </Stack>
  );
}
