import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAfterFirstPaint } from '../../lib/useAfterFirstPaint';
import { useAppStore } from '../../store/appStore';
import { ConflictField } from './ConflictField';
import { decisionFor, describeConflict, type Choice } from './conflictView';

/**
 * Fields both windows changed differently. Everything else is already merged; here the user sees both values
 * side by side and keeps one, or combines them, field by field. Nothing is saved until every field is chosen,
 * and the dialog cannot be dismissed without choosing: either way, no one's text is thrown away unseen.
 */
export function ConflictModal() {
  const { t, i18n } = useTranslation();
  const conflict = useAppStore((s) => s.session?.conflict ?? null);
  const resolveConflict = useAppStore((s) => s.resolveConflict);
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [combined, setCombined] = useState<Record<string, string>>({});
  const [invalid, setInvalid] = useState(false);
  const [saving, setSaving] = useState(false);
  const mounted = useAfterFirstPaint();
  const views = useMemo(() => (conflict ? conflict.conflicts.map((c) => describeConflict(c, t, i18n.language, conflict)) : []), [conflict, t, i18n.language]);
  const left = views.filter((view) => !choices[view.key]).length;

  const save = async () => {
    setSaving(true);
    const decisions = new Map(views.map((view) => [view.key, decisionFor(view, choices[view.key] ?? 'mine', combined[view.key])]));
    const done = await resolveConflict(decisions);
    setSaving(false);
    setInvalid(!done);
    if (done) {
      setChoices({});
      setCombined({});
    }
  };
  // A closed dialog is mounted just after the screen's first paint, not with it (opening an agreement).
  if (!mounted && conflict === null) return null;

  return (
    <Modal
      opened={conflict !== null}
      onClose={() => undefined}
      withCloseButton={false}
      closeOnClickOutside={false}
      closeOnEscape={false}
      title={t('workshop.conflict.title')}
      size="xl"
      centered
    >
      <Stack gap="md">
        <Text size="sm">{t('workshop.conflict.body')}</Text>
        {views.map((view, index) => (
          <ConflictField
            key={view.key}
            view={view}
            index={index}
            choice={choices[view.key]}
            combined={combined[view.key]}
            onChoice={(choice) => setChoices((current) => ({ ...current, [view.key]: choice }))}
            onCombined={(text) => setCombined((current) => ({ ...current, [view.key]: text }))}
          />
        ))}
        {invalid && (
          <Alert color="red" variant="light" role="alert">
            {t('workshop.conflict.invalid')}
          </Alert>
        )}
        <Group justify="space-between" align="center">
          <Text size="sm" c={left > 0 ? 'gray.8' : 'teal.9'} role="status" aria-live="polite">
            {left > 0 ? t('workshop.conflict.left', { count: left }) : t('workshop.conflict.allChosen')}
          </Text>
          <Button onClick={() => void save()} disabled={left > 0} loading={saving}>
            {t('workshop.conflict.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
