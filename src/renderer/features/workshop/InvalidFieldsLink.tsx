import { Anchor } from '@mantine/core';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { STEP_IDS } from '../../../shared/model/schema';
import { useAppStore } from '../../store/appStore';
import { focusField } from './focusField';
import { liveDrafts } from './state/fieldDrafts';
import { stepOfPath } from './steps/review/reviewState';

const DRAWER_SETTLE_MS = 150;

/**
 * "Show": takes the user to a field whose text is not saved, on whatever step it is; pressed again, to
 * the next one. Fields are visited in the order of the steps.
 */
export function InvalidFieldsLink() {
  const { t } = useTranslation();
  const navigate = useAppStore((s) => s.navigate);
  const openPanel = useAppStore((s) => s.openPanel);
  const next = useRef(0);
  const fields = () => {
    const state = useAppStore.getState();
    return liveDrafts(state)
      .filter(({ draft }) => draft.settled)
      .map(({ path, draft }) => ({ path, label: draft.label, step: stepOfPath(path, STEP_IDS) }))
      .sort((a, b) => (a.step ? STEP_IDS.indexOf(a.step) : 99) - (b.step ? STEP_IDS.indexOf(b.step) : 99));
  };
  const upcoming = fields();
  const target = upcoming[next.current % Math.max(1, upcoming.length)];
  const go = () => {
    const session = useAppStore.getState().session;
    const list = fields();
    const field = list[next.current % Math.max(1, list.length)];
    if (!session || !field) return;
    next.current += 1;
    const drawer = field.path[0] === 'decisions' ? 'log' : field.path[0] === 'agenda' ? 'agenda' : null;
    if (field.step) navigate({ name: 'workshop', id: session.id, step: field.step });
    if (!drawer) return focusField(field.path);
    // Decision dates and agenda minutes live in the facilitation drawers. An opening drawer focuses its
    // first control a moment later (its focus trap), so the field is focused after that.
    openPanel(drawer);
    setTimeout(() => focusField(field.path), DRAWER_SETTLE_MS);
  };
  return (
    <Anchor
      component="button"
      type="button"
      size="sm"
      c="red.9"
      fw={600}
      onClick={go}
      aria-label={target ? t('workshop.fieldDrafts.showField', { field: target.label }) : undefined}
      data-testid="invalid-fields-link"
    >
      {t('workshop.fieldDrafts.show')}
    </Anchor>
  );
}
