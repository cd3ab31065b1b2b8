import { notifications, type NotificationData } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import type { ApiError } from '../../../../../shared/api/errors';
import { describeError } from '../../../../../shared/i18n';

/**
 * Notifications of the review page. Their close button gets a name (Mantine's has none, which screen readers
 * announce as an unlabelled button); errors stay longer than successes.
 */
export function notice(t: TFunction, data: NotificationData): string {
  return notifications.show({ ...data, closeButtonProps: { 'aria-label': t('steps.review.closeNotice') } });
}

export function updateNotice(t: TFunction, data: NotificationData & { id: string }): void {
  notifications.update({ ...data, closeButtonProps: { 'aria-label': t('steps.review.closeNotice') } });
}

export function noticeSuccess(t: TFunction, message: string): void {
  notice(t, { color: 'teal', message, autoClose: 6_000 });
}

export function noticeError(t: TFunction, titleKey: string, error: ApiError): void {
  notice(t, { color: 'red', title: t(titleKey), message: describeError(t, error), autoClose: 12_000 });
}
