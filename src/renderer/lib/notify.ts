import { notifications, type NotificationData } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { describeError, type TranslationKey } from '../../shared/i18n';
import type { ApiError } from '../../shared/api/errors';
import { i18n } from '../i18n/setupI18n';

/** Every notification's close button gets a name: Mantine's has none, which screen readers announce as "button". */
const closeButtonProps = () => ({ 'aria-label': i18n.t('ui.notify.close') });

export function showNotification(data: NotificationData): string {
  return notifications.show({ ...data, closeButtonProps: closeButtonProps() });
}

export function updateNotification(data: NotificationData & { id: string }): void {
  notifications.update({ ...data, closeButtonProps: closeButtonProps() });
}

/** Errors stay on screen longer than successes: people need time to read what went wrong. */
export function notifyError(t: TFunction, error: ApiError, titleKey: TranslationKey = 'ui.notify.errorTitle'): void {
  showNotification({ color: 'red', title: t(titleKey), message: describeError(t, error), autoClose: 12_000 });
}

export function notifyProblem(t: TFunction, message: string): void {
  showNotification({ color: 'red', title: t('ui.notify.errorTitle'), message, autoClose: 12_000 });
}

export function notifySuccess(message: string): void {
  showNotification({ color: 'teal', message, autoClose: 5_000 });
}
