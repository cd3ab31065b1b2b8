/**
 * Backups: the start-up notice about agreements that cannot be read, the restore dialog, and the lines the
 * command line and browser mode print. Keep the keys identical to es/backups.ts (a test compares them).
 */
export const backups = {
  open: 'Backups',
  dialog: {
    title: 'Restore from a backup',
    intro:
      'SLA Workshop backs up your agreements automatically whenever they have changed: it keeps the last 10 of those backups, the newest of each of the last 7 days and 4 weeks, and never removes the last readable copy of an agreement that cannot be read now. Choose a backup to see what it holds.',
    backup: 'Backup',
    option_one: '{{when}} — {{count}} agreement',
    option_other: '{{when}} — {{count}} agreements',
    someUnreadable_one: ', {{count}} of them unreadable',
    someUnreadable_other: ', {{count}} of them unreadable',
    damaged: '{{when}} — damaged, cannot be used',
    none: 'There are no backups yet. The first one is made when SLA Workshop starts.',
    loading: 'Loading…',
    loadFailed: 'The backups could not be read.',
    agreements: 'Agreements in this backup',
    empty: 'This backup holds no agreements.',
    restore: 'Restore',
    restoreNamed: 'Restore “{{title}}” from this backup',
    outcome: {
      replace: 'Replaces the current copy, which cannot be read.',
      copy: 'Added as a new draft; the current version stays as it is.',
      add: 'Added back: it is no longer among your agreements.',
    },
    unreadableHere: 'This backup’s copy cannot be read either.',
    edited: 'Last edited {{when}}',
    trashed: 'In the trash at the time',
    close: 'Close',
    untitled: '(untitled)',
  },
  done: {
    replace: '“{{title}}” was restored from the backup of {{when}}: it replaced the copy that could not be read.',
    copy: 'The backup of {{when}} was added as a new draft, “{{title}}”; the current version is unchanged.',
    add: '“{{title}}” was added back from the backup of {{when}}.',
  },
  notice: {
    title_one: 'An agreement could not be read',
    title_other: '{{count}} agreements could not be read',
    intro: 'Their stored data is damaged, although the database file itself is sound. Nothing has been changed or deleted.',
    problem: {
      not_utf8: 'Its stored text contains invalid characters.',
      not_json: 'Its stored data is cut short or garbled.',
      schema: 'Its stored data no longer fits the agreement format.',
      fingerprint: 'Its signed content no longer matches the signatures recorded with it.',
      newer_model: 'It was saved by a newer version of SLA Workshop: update the app to open it.',
    },
    holder: 'A readable copy is in the backup of {{when}}. Restoring it replaces the unreadable copy.',
    noHolder: 'No backup holds a readable copy of it.',
    restore: 'Restore from that backup',
    restoreNamed: 'Restore from that backup: “{{title}}”, {{when}}',
    restored: 'Restored: the backup’s version replaced the unreadable copy.',
    backupFailedTitle: 'The automatic backup failed',
    backupFailed:
      'The automatic backup of {{when}} failed ({{reason}}). Your work is saved, but there is no new backup of it. Check that the data folder can be written to and that the disk has free space.',
    untitled: '(untitled)',
  },
  line: {
    unreadable_one: 'SLA Workshop: {{count}} agreement cannot be read: {{list}}. Restore it in the app (Agreements → Backups).',
    unreadable_other: 'SLA Workshop: {{count}} agreements cannot be read: {{list}}. Restore them in the app (Agreements → Backups).',
    withBackup: '“{{title}}” ({{id}}), readable in the backup of {{when}}',
    withoutBackup: '“{{title}}” ({{id}}), in no backup',
    backupFailed: 'SLA Workshop: the automatic backup failed ({{reason}}); your data is saved, but it has no new backup.',
  },
};
