import { Paper, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { checkCompleteness, type MissingItem } from '../../../shared/model/completeness';
import type { StepId } from '../../../shared/model/schema';
import { useAppStore } from '../../store/appStore';
import { MissingList } from './MissingList';

/** The "still missing" panel of one step; the only part of the layout that follows every edit. */
export function StepMissing({ step, onGo }: { step: StepId; onGo(item: MissingItem): void }) {
  const { t } = useTranslation();
  const draft = useAppStore((s) => s.session?.draft);
  const items = useMemo(() => (draft ? (checkCompleteness(draft).steps.find((s) => s.step === step)?.missing ?? []) : []), [draft, step]);
  return (
    <Paper withBorder radius="lg" p="lg" component="section" aria-labelledby="missing-title" className="chrome">
      <Title order={3} size="h5" id="missing-title" mb="sm">
        {t('workshop.missingTitle')}
      </Title>
      <MissingList items={items} onGo={onGo} />
    </Paper>
  );
}
