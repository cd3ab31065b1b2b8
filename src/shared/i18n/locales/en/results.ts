/**
 * The monthly results of an agreement: the figures by month, the month's review and the CSV import.
 * Keep the keys identical to es/results.ts (a test compares them).
 */
export const results = {
  open: 'Monthly results',
  back: 'Back to agreements',
  openWorkshop: 'Open the workshop',
  title: 'Monthly results',
  intro:
    'Check, month by month, whether both teams keep the agreement. These figures are shared by every version of this agreement and never change what was signed.',
  tabs: { label: 'Parts of the monthly results', figures: 'Figures by month', review: 'Monthly review', import: 'Import from a CSV file' },
  save: {
    saved: 'All figures saved',
    savedAt: 'All figures saved at {{time}}',
    pending: 'Changes not saved yet…',
    saving: 'Saving…',
    failed: 'Not saved: {{reason}}',
    retry: 'Try again',
  },
  loadFailed: 'The monthly figures could not be read: {{reason}}',
  reload: 'Try again',
  figures: {
    intro:
      'Type or correct each month\'s figures: they are saved as you type. An empty cell means "not entered", never zero. Each target of the agreement is shown under its figure.',
    gridLabel: 'Figures by month',
    month: 'Month',
    addNext: 'Add {{month}}',
    pickMonth: 'Add another month',
    pickMonthPlaceholder: 'Pick a month',
    moreFigures: 'More figures',
    customKpi: 'Custom KPI',
    unnamedStage: 'Stage without a name',
    unnamedKpi: 'KPI without a name',
    fixedStage: { lead: 'Leads', mql: 'MQLs', sql: 'SQLs', opportunity: 'Opportunities', customer: 'Customers' },
    columns: {
      revenue: 'Revenue ({{currency}})',
      medianHoursToFirstContact: 'Median hours to first contact',
      pctContactedWithinSla: '% contacted within the SLA window',
      pctContactedWithinHours_one: '% contacted within {{count}} hour',
      pctContactedWithinHours_other: '% contacted within {{count}} hours',
      rejected: 'Leads rejected',
      contacts: 'Contacts created',
      mqlsThatBecameSql: 'MQLs that became SQLs',
      sqlValue: 'Value of SQLs ({{currency}})',
      medianHoursMqlToSql: 'Median hours MQL → SQL',
      pctWithRequiredAttempts: '% with the required attempts',
    },
    target: { atLeast: 'target ≥ {{value}}', atMost: 'target ≤ {{value}}', plain: 'target {{value}}' },
    verdict: { met: 'met', missed: 'missed' },
    imported: 'Imported from {{file}} on {{date}}',
    invalid_one: '{{count}} figure is not saved: its text is not a valid number yet. Correct it in the cell marked in red.',
    invalid_other: '{{count}} figures are not saved: their text is not a valid number yet. Correct them in the cells marked in red.',
    empty: 'No figures yet. Add a month to type its figures, or import them from a CSV file.',
    keyboardHint: 'Tab and Shift+Tab move across a month; Enter moves down to the next month, Shift+Enter up.',
    remove: {
      button: 'Remove the figures of {{month}}',
      title: 'Remove the figures of {{month}}?',
      body: 'Every figure typed or imported for {{month}} will be removed from all versions of this agreement. This cannot be undone.',
      bodyKeepsNotes:
        'Every figure typed or imported for {{month}} will be removed from all versions of this agreement. The notes and decisions of its monthly review are kept.',
      cancel: 'Cancel',
      confirm: 'Remove figures',
    },
  },
};
