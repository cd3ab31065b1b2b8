import type { TFunction } from 'i18next';
import type { StartupReport } from '../../shared/api/contract';
import type { RecoveryReport } from '../db/recovery';

/** `2026-11-28 16:57 UTC`: a backup's time in a terminal line, unambiguous whatever the local zone. */
export function utcMinute(iso: string): string {
  return `${iso.slice(0, 16).replace('T', ' ')} UTC`;
}

/**
 * Text from the database made safe for a terminal: control characters (escape sequences, carriage returns,
 * bidi overrides) become spaces, so a garbled or hostile title cannot rewrite the screen.
 */
export function terminalText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, ' ');
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

/** At most this many agreements are named in the line; the app lists them all. */
const NAMED = 5;

/**
 * What else browser mode and the CLI say on stderr at start-up, one line each: the agreements whose stored
 * data cannot be read (with the backup that still holds each), and a backup that failed.
 */
export function startupLines(t: TFunction, report: Pick<StartupReport, 'unreadable' | 'backups'>): string[] {
  const lines: string[] = [];
  const { unreadable } = report;
  if (unreadable.length > 0) {
    const named = unreadable.slice(0, NAMED).map((u) => {
      const title = terminalText(u.title) || t('backups.notice.untitled');
      const id = terminalText(u.id);
      return u.backup ? t('backups.line.withBackup', { title, id, when: utcMinute(u.backup.takenAt) }) : t('backups.line.withoutBackup', { title, id });
    });
    const list = unreadable.length > NAMED ? `${named.join('; ')}; …` : named.join('; ');
    lines.push(t('backups.line.unreadable', { count: unreadable.length, list }));
  }
  if (report.backups.failed) lines.push(t('backups.line.backupFailed', { reason: terminalText(report.backups.failed.reason) }));
  return lines;
}
