import { Button, Tooltip, type ButtonProps } from '@mantine/core';
import { IconPencilPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { WorkshopStep } from '../../../../store/route';
import { useAmend } from './useAmend';

/** Opens (or creates) the draft amendment of a signed version, staying on `step`. */
export function AmendButton({ step, ...props }: { step: WorkshopStep } & ButtonProps) {
  const { t } = useTranslation();
  const { amend, busy } = useAmend();
  return (
    <Tooltip label={t('steps.review.amend.hint')} multiline w={280}>
      <Button variant="default" leftSection={<IconPencilPlus size={16} />} loading={busy} onClick={() => void amend(step)} {...props}>
        {t('steps.review.amend.button')}
      </Button>
    </Tooltip>
  );
}
