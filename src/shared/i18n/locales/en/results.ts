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
};
