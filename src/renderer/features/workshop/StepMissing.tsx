import { Paper, Title } from '@mantine/core';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { MissingItem } from '../../../shared/model/completeness';
import type { StepId } from '../../../shared/model/schema';
import { useAfterFirstPaint } from '../../lib/useAfterFirstPaint';
import { MissingList } from './MissingList';
import { useStepMissing } from './useCompleteness';

/**
 * The "still missing" panel of one step; the only part of the layout that follows every edit. It follows
 * the draft just after each paint and keeps the same items while the list would not change, so a keystroke
 * costs it no render at all.
 */
export function StepMissing({ step, onGo }: { step: StepId; onGo(item: MissingItem): void }) {
  const items = useStepMissing(step);
  // Below the step's form: it joins the screen just after the form is up, so opening does not wait for it.
  const opened = useAfterFirstPaint();
  if (!opened) return null;
  return <MissingPanel items={items} onGo={onGo} />;
}

const MissingPanel = memo(function MissingPanel({ items, onGo }: { items: MissingItem[]; onGo(item: MissingItem): void }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="lg" p="lg" component="section" aria-labelledby="missing-title" className="chrome">
      <Title order={3} size="h5" id="missing-title" mb="sm">
        {t('workshop.missingTitle')}
      </Title>
      <MissingList items={items} onGo={onGo} />
    </Paper>
  );
});
