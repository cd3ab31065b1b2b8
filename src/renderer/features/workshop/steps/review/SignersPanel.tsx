import { Alert, Anchor, Group, Paper, Text, Title } from '@mantine/core';
import { IconUsers } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Completeness } from '../../../../../shared/model/completeness';
import type { Agreement, Participant } from '../../../../../shared/model/schema';
import { signingState } from '../../../../../shared/signing/signers';
import { useAppStore } from '../../../../store/appStore';
import { focusField } from '../../focusField';
import { signBlock } from './reviewState';
import { SignDialog } from './SignDialog';
import { SignerCard } from './SignerCard';

/** Every participant who must sign, signed or not, and the sign dialog. `seen`: the agreement when the review was opened. */
export function SignersPanel({ agreement, completeness, seen }: { agreement: Agreement; completeness: Completeness; seen: Agreement }) {
  const { t } = useTranslation();
  const navigate = useAppStore((s) => s.navigate);
  // The signer stays set while the dialog animates out; `round` gives every opening a fresh form.
  const [dialog, setDialog] = useState<{ signer: Participant | null; opened: boolean; round: number }>({ signer: null, opened: false, round: 0 });
  const close = () => setDialog((d) => ({ ...d, opened: false }));
  const state = useMemo(() => signingState(agreement), [agreement]);
  const block = signBlock(agreement, completeness);
  const signatureOf = (id: string) => state.signed.find((s) => s.participant.id === id)?.signature ?? null;

  return (
    <Paper withBorder radius="lg" p="lg" component="section" aria-labelledby="signers-title" id="review-signers">
      <Group justify="space-between" mb="md">
        <Title order={3} size="h4" id="signers-title">
          {t('steps.review.signers.title')}
        </Title>
        {state.signers.length > 0 && (
          <Text size="sm" c="dimmed">
            {t('steps.review.status.signatures', { signed: state.signed.length, count: state.signers.length })}
          </Text>
        )}
      </Group>
      {state.signers.length === 0 ? (
        <Alert color="orange" variant="light" icon={<IconUsers size={18} />}>
          <Text size="sm">{t('steps.review.signers.none')}</Text>
          <Anchor
            component="button"
            type="button"
            size="sm"
            mt={6}
            onClick={() => {
              navigate({ name: 'workshop', id: agreement.meta.id, step: 'participants' });
              focusField(['participants']);
            }}
          >
            {t('steps.review.checks.fix')}
          </Anchor>
        </Alert>
      ) : (
        <ul className="signer-grid">
          {state.signers.map((participant) => (
            <SignerCard
              key={participant.id}
              participant={participant}
              signature={signatureOf(participant.id)}
              block={block}
              onSign={() => setDialog((d) => ({ signer: participant, opened: true, round: d.round + 1 }))}
            />
          ))}
        </ul>
      )}
      <SignDialog
        signer={dialog.signer}
        opened={dialog.opened}
        round={dialog.round}
        seen={seen}
        onClose={close}
        onSigned={(participantId) => {
          close();
          // The button that opened the dialog is gone (the card now shows the signature): focus the card instead.
          requestAnimationFrame(() => document.getElementById(`signer-${participantId}`)?.focus());
        }}
      />
    </Paper>
  );
}
