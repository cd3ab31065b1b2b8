import { Stack } from '@mantine/core';
import { useMemo, useState } from 'react';
import { signingState } from '../../../../../shared/signing/signers';
import { useAppStore } from '../../../../store/appStore';
import { useCompleteness } from '../../useCompleteness';
import { AgreementDocument } from './AgreementDocument';
import { ChangesCard } from './ChangesCard';
import { reviewStatus, signingChecks } from './reviewState';
import { ReviewStatusCard } from './ReviewStatusCard';
import { SignersPanel } from './SignersPanel';
import { SigningChecksCard } from './SigningChecksCard';
import './review.css';

/**
 * Review & sign: where the version stands, what still blocks signing (each point one click from its field),
 * what an amendment changed, the whole agreement as it will be signed, then the signatures — the order of a
 * paper contract, read top to bottom and signed at the end.
 */
export function ReviewStep() {
  const agreement = useAppStore((s) => s.session?.draft);
  const revision = useAppStore((s) => s.session?.revision ?? 0);
  const readOnly = useAppStore((s) => s.session?.readOnly ?? true);
  const completeness = useCompleteness();
  // What the signers had in front of them when they opened the review: the sign dialog says what changed since.
  const [seen] = useState(agreement);
  const signing = useMemo(() => (agreement ? signingState(agreement) : null), [agreement]);
  const checks = useMemo(() => (agreement && completeness ? signingChecks(agreement, completeness) : null), [agreement, completeness]);
  if (!agreement || !completeness || !signing || !checks) return null;
  const status = reviewStatus(agreement, signing);
  return (
    <Stack gap="lg" className="review-step">
      <ReviewStatusCard agreement={agreement} status={status} signing={signing} ready={checks.ready} />
      {status === 'draft' && <SigningChecksCard id={agreement.meta.id} checks={checks} />}
      {agreement.meta.amendsId && <ChangesCard agreement={agreement} revision={revision} editable={!readOnly} />}
      <AgreementDocument agreement={agreement} />
      <SignersPanel agreement={agreement} completeness={completeness} seen={seen ?? agreement} />
    </Stack>
  );
}
