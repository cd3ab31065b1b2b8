import { ActionIcon, Alert, Badge, Button, Group, Modal, Paper, Stack, Text, Textarea, TextInput, Title, Tooltip } from '@mantine/core';
import { IconCheck, IconNotebook, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../../shared/i18n';
import type { MonthlyActuals } from '../../../../shared/model/actuals';
import { newId } from '../../../../shared/model/ids';
import { LIMITS } from '../../../../shared/model/limits';
import type { Agreement } from '../../../../shared/model/schema';
import { useActuals } from '../ResultsContext';
import { isInLog } from './reviewModel';
import type { DecisionCarrier } from './useCarryDecision';

type MonthDecision = MonthlyActuals['decisions'][number];

/** The monthly meeting's notes and decisions, autosaved with the month; a decision can go into the agreement's log. */
export function NotesSection({
  month,
  notes,
  decisions,
  agreement,
  carrier,
}: {
  month: string;
  notes: string;
  decisions: MonthDecision[];
  agreement: Agreement;
  carrier: DecisionCarrier;
}) {
  const { t } = useTranslation();
  const editMonth = useActuals((s) => s.editMonth);
  const { log, carry, busy } = carrier;
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [confirming, setConfirming] = useState<MonthDecision | null>(null);
  const signed = agreement.meta.status !== 'draft';

  const setDecisions = (change: (list: MonthDecision[]) => MonthDecision[]) => editMonth(month, (m) => ({ ...m, decisions: change(m.decisions) }));
  const update = (id: string, patch: Partial<Omit<MonthDecision, 'id'>>) => setDecisions((list) => list.map((d) => (d.id === id ? { ...d, ...patch } : d)));
  const add = () => {
    const id = newId();
    setDecisions((list) => [...list, { id, text: '', owner: '' }]);
    requestAnimationFrame(() => document.getElementById(`decision-text-${id}`)?.focus());
  };

  async function doCarry(decision: MonthDecision) {
    setConfirming(null);
    const outcome = await carry(decision);
    if (outcome.ok)
      setMessage({
        ok: true,
        text: outcome.version === null ? t('results.review.notes.carried') : t('results.review.notes.carriedAmendment', { version: outcome.version }),
      });
    else setMessage({ ok: false, text: t('results.review.notes.carryFailed', { reason: describeError(t, outcome.error) }) });
  }
  const askCarry = (decision: MonthDecision) => {
    if (!decision.text.trim()) {
      setMessage({ ok: false, text: t('results.review.notes.emptyText') });
      return;
    }
    if (signed) setConfirming(decision);
    else void doCarry(decision);
  };

  return (
    <Stack gap="sm" component="section" aria-labelledby="review-notes-title">
      <Title order={2} size="h3" id="review-notes-title">
        {t('results.review.notes.title')}
      </Title>
      <Textarea
        label={t('results.review.notes.notes')}
        value={notes}
        maxLength={LIMITS.longText}
        autosize
        minRows={3}
        onChange={(event) => {
          const text = event.currentTarget.value;
          editMonth(month, (m) => ({ ...m, notes: text }));
        }}
      />
      <Title order={3} size="h5">
        {t('results.review.notes.decisions')}
      </Title>
      {decisions.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('results.review.notes.none')}
        </Text>
      )}
      {decisions.map((d, index) => {
        const n = index + 1;
        const inLog = isInLog(d, log);
        return (
          <Paper
            key={d.id}
            withBorder
            radius="md"
            p="sm"
            component="article"
            aria-label={t('results.review.notes.decision', { n })}
            data-testid="review-decision"
          >
            <Group justify="space-between" mb={4} wrap="nowrap">
              <Text fw={600} size="sm">
                {t('results.review.notes.decision', { n })}
              </Text>
              <Group gap="xs" wrap="nowrap">
                {inLog ? (
                  <Badge variant="light" color="teal" leftSection={<IconCheck size={12} aria-hidden />}>
                    {t('results.review.notes.inLog')}
                  </Badge>
                ) : (
                  <Button size="compact-sm" variant="light" leftSection={<IconNotebook size={14} aria-hidden />} loading={busy} onClick={() => askCarry(d)}>
                    {t('results.review.notes.carry')}
                  </Button>
                )}
                <Tooltip label={t('results.review.notes.remove', { n })}>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('results.review.notes.remove', { n })}
                    onClick={() => setDecisions((list) => list.filter((x) => x.id !== d.id))}
                  >
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                </Tooltip>
              </Group>
            </Group>
            <Group grow gap="xs" align="flex-start">
              <Textarea
                id={`decision-text-${d.id}`}
                label={t('results.review.notes.text')}
                value={d.text}
                maxLength={LIMITS.longText}
                autosize
                minRows={1}
                onChange={(event) => update(d.id, { text: event.currentTarget.value })}
              />
              <TextInput
                label={t('results.review.notes.owner')}
                value={d.owner}
                maxLength={LIMITS.shortText}
                onChange={(event) => update(d.id, { owner: event.currentTarget.value })}
              />
            </Group>
          </Paper>
        );
      })}
      <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={add} disabled={decisions.length >= LIMITS.listItems} w="fit-content">
        {t('results.review.notes.add')}
      </Button>
      {message && (
        <Alert color={message.ok ? 'teal' : 'red'} role={message.ok ? 'status' : 'alert'} withCloseButton={false} data-testid="review-carry-message">
          {message.text}
        </Alert>
      )}
      <Modal
        opened={confirming !== null}
        onClose={() => setConfirming(null)}
        title={t('results.review.notes.signedTitle')}
        centered
        closeButtonProps={{ 'aria-label': t('results.review.notes.cancel') }}
      >
        <Stack>
          <Text size="sm">{t('results.review.notes.signedText')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(null)}>
              {t('results.review.notes.cancel')}
            </Button>
            <Button onClick={() => confirming && void doCarry(confirming)}>{t('results.review.notes.signedConfirm')}</Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
