import { notifications, type NotificationData } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import type { ApiError } from '../../../../../shared/api/errors';
import { describeError, type TranslationKey } from '../../../../../shared/i18n';
import { showNotification, updateNotification } from '../../../../lib/notify';

/** Notifications of the review page (close buttons named by lib/notify); errors stay longer than successes. */
export function notice(_t: TFunction, data: NotificationData): string {
  return showNotification(data);
}

export function updateNotice(_t: TFunction, data: NotificationData & { id: string }): void {
  updateNotification(data);
}

export function hideNotice(id: string): void {
  notifications.hide(id);
}

export function noticeSuccess(t: TFunction, message: string): void {
  notice(t, { color: 'teal', message, autoClose: 6_000 });
}

export function noticeError(t: TFunction, titleKey: TranslationKey, error: ApiError): void {
  notice(t, { color: 'red', title: t(titleKey), message: describeError(t, error), autoClose: 12_000 });
}
