import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../api/apiClient';
import { useAppStore } from '../../../../store/appStore';
import type { WorkshopStep } from '../../../../store/route';
import { noticeError, noticeSuccess } from './notices';

/**
 * "Amend": the host opens a new draft version linked to this signed one (or hands back the amendment that is
 * already open), and the workshop moves to it on the same step, where the user meant to change something.
 */
export function useAmend(): { amend(step: WorkshopStep, onOpened?: (amendmentId: string) => void): Promise<void>; busy: boolean } {
  const { t } = useTranslation();
  const navigate = useAppStore((s) => s.navigate);
  const [busy, setBusy] = useState(false);
  async function amend(step: WorkshopStep, onOpened?: (amendmentId: string) => void): Promise<void> {
    const id = useAppStore.getState().session?.id;
    if (!id || busy) return;
    setBusy(true);
    const result = await api().send('agreements.amend', { id });
    setBusy(false);
    if (!result.ok) {
      noticeError(t, 'steps.review.amend.failedTitle', result.error);
      return;
    }
    noticeSuccess(t, t('steps.review.amend.opened', { version: result.value.version }));
    // Before moving: what the caller hands the amendment must be waiting when its step opens.
    onOpened?.(result.value.id);
    navigate({ name: 'workshop', id: result.value.id, step });
    window.scrollTo({ top: 0 });
  }
  return { amend, busy };
}
