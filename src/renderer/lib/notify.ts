import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { describeError } from '../../shared/i18n';
import type { ApiError } from '../../shared/api/errors';

/** Errors stay on screen longer than successes: people need time to read what went wrong. */
export function notifyError(t: TFunction, error: ApiError, titleKey = 'ui.notify.errorTitle'): void {
  notifications.show({ color: 'red', title: t(titleKey), message: describeError(t, error), autoClose: 12_000 });
}

export function notifyProblem(t: TFunction, message: string): void {
  notifications.show({ color: 'red', title: t('ui.notify.errorTitle'), message, autoClose: 12_000 });
}

export function notifySuccess(message: string): void {
  notifications.show({ color: 'teal', message, autoClose: 5_000 });
}
