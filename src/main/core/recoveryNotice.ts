import type { TFunction } from 'i18next';
import type { RecoveryReport } from '../db/recovery';

/** `2026-11-28 16:57 UTC`: a backup's time in a terminal line, unambiguous whatever the local zone. */
export function utcMinute(iso: string): string {
  return `${iso.slice(0, 16).replace('T', ' ')} UTC`;
}

/**
 * The one translated line that browser mode and the CLI print on stderr after a start-up recovery: what was
 * wrong, where the damaged file now is, and which backup was restored (or that an empty database started).
 */
export function recoveryLine(t: TFunction, recovery: RecoveryReport): string {
  const reason = t(`ui.recovery.short.${recovery.reason}`);
  return recovery.restoredFrom && recovery.backupTakenAt
    ? t('ui.recovery.lineRestored', { reason, damagedPath: recovery.damagedPath, when: utcMinute(recovery.backupTakenAt) })
    : t('ui.recovery.lineFresh', { reason, damagedPath: recovery.damagedPath });
}
