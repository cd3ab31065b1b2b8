import { ActionIcon, Alert, Button, Group, Loader, Paper, Text, ThemeIcon, Title, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconArrowRight, IconMinus, IconPencil, IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgreementChange } from '../../../../../shared/api/contract';
import { describeError } from '../../../../../shared/i18n';
import { STEP_IDS, type Agreement } from '../../../../../shared/model/schema';
import { describeChange } from '../../../../../shared/signing/diff';
import { shortFingerprint } from '../../../../../shared/signing/signers';
import { useAppStore } from '../../../../store/appStore';
import { focusField } from '../../focusField';
import { stepOfPath } from './reviewState';
import { useAgreementChanges } from './useAgreementChanges';

const KIND_LOOK: Record<AgreementChange['kind'], { icon: typeof IconPlus; color: string }> = {
  added: { icon: IconPlus, color: 'teal' },
  removed: { icon: IconMinus, color: 'red' },
  changed: { icon: IconPencil, color: 'indigo' },
};

/** A long list opens collapsed: the first few changes are what people read aloud. */
const FIRST = 12;

/** "Changes since version N": every difference from the signed version, in words, in the agreement's language. */
export function ChangesCard({ agreement, revision, editable }: { agreement: Agreement; revision: number; editable: boolean }) {
  const { t, i18n } = useTranslation();
  const navigate = useAppStore((s) => s.navigate);
  const language = agreement.meta.language;
  const changes = useAgreementChanges(agreement.meta.id, revision);
  const [showAll, setShowAll] = useState(false);
  const docT = useMemo(() => i18n.getFixedT(language), [i18n, language]);
  const sentences = useMemo(() => changes.changes.map((change) => ({ change, text: describeChange(change, docT) })), [changes.changes, docT]);
  const version = changes.base?.version ?? Math.max(1, agreement.meta.version - 1);
  if (changes.status === 'ready' && !changes.base) return null;

  const goTo = (change: AgreementChange) => {
    const step = stepOfPath(change.path, STEP_IDS);
    if (!step) return;
    navigate({ name: 'workshop', id: agreement.meta.id, step });
    window.scrollTo({ top: 0 });
    focusField(change.path);
  };
  const shown = showAll ? sentences : sentences.slice(0, FIRST);

  return (
    <Paper withBorder radius="lg" p="lg" component="section" aria-labelledby="changes-title" data-testid="review-changes">
      <Title order={3} size="h4" id="changes-title" mb="xs">
        {t('steps.review.changes.title', { version })}
      </Title>
      {changes.status === 'loading' && (
        <Group gap="xs">
          <Loader size="xs" />
          <Text size="sm" c="dimmed">
            {t('steps.review.changes.loading', { version })}
          </Text>
        </Group>
      )}
      {changes.status === 'failed' && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title={t('steps.review.changes.failed')}>
          <Text size="sm">{changes.error ? describeError(t, changes.error) : null}</Text>
          <Button size="xs" variant="white" color="red" mt="sm" onClick={changes.reload}>
            {t('steps.review.changes.retry')}
          </Button>
        </Alert>
      )}
      {changes.status === 'ready' && changes.base && (
        <>
          <Text size="sm" c="dimmed" mb="sm">
            {changes.changes.length === 0
              ? t('steps.review.changes.none', { version })
              : t('steps.review.changes.intro', { version, fingerprint: changes.base.fingerprint ? shortFingerprint(changes.base.fingerprint) : '—' })}
          </Text>
          {sentences.length > 0 && (
            <ul className="change-list" lang={language}>
              {shown.map(({ change, text }, index) => {
                const { icon: Icon, color } = KIND_LOOK[change.kind];
                const step = editable ? stepOfPath(change.path, STEP_IDS) : null;
                return (
                  <li key={`${change.path.join('.')}:${index}`} data-kind={change.kind}>
                    <ThemeIcon size={22} radius="xl" variant="light" color={color} aria-hidden>
                      <Icon size={13} />
                    </ThemeIcon>
                    <Text size="sm" className="change-text">
                      {text}
                    </Text>
                    {step && (
                      <Tooltip label={t('steps.review.changes.goTo')} withArrow>
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          size="sm"
                          aria-label={`${t('steps.review.changes.goTo')}: ${text}`}
                          onClick={() => goTo(change)}
                        >
                          <IconArrowRight size={14} />
                        </ActionIcon>
                      </Tooltip>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
          {sentences.length > FIRST && (
            <Button variant="subtle" size="compact-sm" mt="xs" onClick={() => setShowAll((v) => !v)}>
              {showAll ? t('steps.review.changes.showFewer') : t('steps.review.changes.showAll', { count: sentences.length })}
            </Button>
          )}
        </>
      )}
    </Paper>
  );
}
