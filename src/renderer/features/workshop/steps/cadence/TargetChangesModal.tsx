import { Button, Checkbox, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TargetChange } from '../../../../../shared/actuals/reviewPeriod';
import { useFormatters } from '../goals/format';

interface Props {
  changes: TargetChange[];
  /** true: confirming opens an amendment of a signed version; false: writes into this draft. */
  amend: boolean;
  busy: boolean;
  onConfirm(chosen: TargetChange[]): void;
  onClose(): void;
}

/**
 * Before → after for every target the review proposes, each one ticked by default; only the ticked ones are
 * written, and only when the user confirms. Closing changes nothing.
 */
export function TargetChangesModal({ changes, amend, busy, onConfirm, onClose }: Props) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [kept, setKept] = useState<ReadonlySet<string>>(() => new Set(changes.map((c) => c.stageId)));
  const chosen = changes.filter((c) => kept.has(c.stageId));
  const toggle = (stageId: string, on: boolean) =>
    setKept((current) => {
      const next = new Set(current);
      if (on) next.add(stageId);
      else next.delete(stageId);
      return next;
    });
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('results.workshop.review.dialog.title')}
      size="lg"
      centered
      closeButtonProps={{ 'aria-label': t('results.workshop.review.dialog.close') }}
    >
      <Stack gap="md">
        <Text size="sm">{t(amend ? 'results.workshop.review.dialog.introAmend' : 'results.workshop.review.dialog.introDraft')}</Text>
        <Table striped withTableBorder aria-label={t('results.workshop.review.dialog.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('results.workshop.review.stage')}</Table.Th>
              <Table.Th ta="right">{t('results.workshop.review.dialog.before')}</Table.Th>
              <Table.Th ta="right">{t('results.workshop.review.dialog.after')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {changes.map((change) => (
              <Table.Tr key={change.stageId} data-testid="target-change">
                <Table.Td>
                  <Checkbox
                    label={change.name}
                    aria-label={t('results.workshop.review.dialog.include', { stage: change.name })}
                    checked={kept.has(change.stageId)}
                    onChange={(event) => toggle(change.stageId, event.currentTarget.checked)}
                  />
                </Table.Td>
                <Table.Td ta="right">{change.before === null ? t('results.workshop.review.none') : format.number(change.before)}</Table.Td>
                <Table.Td ta="right" fw={600}>
                  {format.number(change.after)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('results.workshop.review.dialog.cancel')}
          </Button>
          <Button onClick={() => onConfirm(chosen)} disabled={chosen.length === 0} loading={busy}>
            {t(amend ? 'results.workshop.review.dialog.confirmAmend' : 'results.workshop.review.dialog.confirmDraft')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
