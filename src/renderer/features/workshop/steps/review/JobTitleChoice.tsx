import { Alert, Checkbox } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

interface Props {
  /** The signer's name, as the agreement lists them. */
  name: string;
  /** The job title the agreement holds now. */
  current: string;
  /** The job title typed in the dialog (already trimmed). */
  typed: string;
  /** Someone has signed: the agreement is frozen and the title can only be recorded with the signature. */
  frozen: boolean;
  update: boolean;
  onUpdate(update: boolean): void;
}

/**
 * A job title changed while signing: before the first signature the signer may also change it in the agreement
 * (parties table, cover), which changes what is signed, so it is asked, never assumed. Afterwards the agreement
 * is frozen, and the dialog says the signature records the title given.
 */
export function JobTitleChoice({ name, current, typed, frozen, update, onUpdate }: Props) {
  const { t } = useTranslation();
  if (!typed || typed === current) return null;
  if (frozen) {
    return (
      <Alert color="gray" variant="light" icon={<IconLock size={16} />} data-testid="job-title-frozen">
        {t('steps.review.sign.jobTitleChoice.frozen', { name, title: current })}
      </Alert>
    );
  }
  return (
    <Checkbox
      checked={update}
      onChange={(event) => onUpdate(event.currentTarget.checked)}
      label={t('steps.review.sign.jobTitleChoice.update', { name })}
      description={
        update ? t('steps.review.sign.jobTitleChoice.updateOn', { title: typed }) : t('steps.review.sign.jobTitleChoice.updateOff', { title: current })
      }
      data-testid="job-title-update"
    />
  );
}
