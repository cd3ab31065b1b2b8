import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { newId } from '../../../../../shared/model/ids';
import type { Participant } from '../../../../../shared/model/schema';
import { useAppStore } from '../../../../store/appStore';
import { ListEditor } from '../../fields/ListEditor';
import { AgreementMeta } from './AgreementMeta';
import { ParticipantCard } from './ParticipantCard';
import { SignersSummary } from './SignersSummary';
import { StepSection } from '../../fields/StepSection';

/**
 * A new person is, by default, whatever the agreement still lacks: first a signing marketing leader, then a
 * signing sales leader, then plain members. Saves two or three clicks per workshop on a shared screen.
 */
function newParticipant(): Participant {
  const people = useAppStore.getState().session?.draft.participants ?? [];
  const hasLeader = (team: Participant['team']) => people.some((p) => p.team === team && p.role === 'leader' && p.mustSign);
  const base = { id: newId(), name: '', jobTitle: '', email: '' };
  if (!hasLeader('marketing')) return { ...base, team: 'marketing', role: 'leader', mustSign: true };
  if (!hasLeader('sales')) return { ...base, team: 'sales', role: 'leader', mustSign: true };
  return { ...base, team: 'marketing', role: 'member', mustSign: false };
}

/** Step 0: the agreement's details and the people in the room, with who signs. */
export function ParticipantsStep() {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <AgreementMeta />
      <StepSection title={t('steps.participants.people.title')} description={t('steps.participants.people.intro')}>
        <SignersSummary />
        <ListEditor<Participant>
          path={['participants']}
          label={t('steps.participants.people.list')}
          addLabel={t('steps.participants.people.add')}
          emptyText={t('steps.participants.people.empty')}
          create={newParticipant}
          itemTitle={(p, i) => p?.name.trim() || t('steps.participants.itemN', { n: i + 1 })}
          focusField="name"
          // Below the agreement's details and the signers, only the first card's top is in view on a laptop.
          itemsOnOpen={1}
          renderItem={(index) => <ParticipantCard index={index} />}
        />
      </StepSection>
    </Stack>
  );
}
