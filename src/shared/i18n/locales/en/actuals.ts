/**
 * CSV import of monthly actuals and the monthly KPIs: why an import stopped, why a row was left out,
 * and how a KPI or a commitment stands. Keep the keys identical to es/actuals.ts (a test compares them).
 */
export const actuals = {
  error: {
    empty_file: 'The file is empty.',
    no_header: 'The file has no header row: the first line must name the columns.',
    no_mapping_fits:
      'No column mapping fits this file (its first columns: {{columns}}). Choose the CRM it comes from or build a mapping; nothing was imported.',
    mapping_columns_missing: 'The mapping “{{mapping}}” needs columns this file does not have: {{missing}}. Nothing was imported.',
    invalid_mapping: 'This mapping file cannot be used: {{problem}}',
    ambiguous_dates: 'The dates cannot tell day from month (for example “{{example}}”). Say whether they are day/month or month/day and import again.',
    inconsistent_dates: 'The file mixes day/month dates (“{{dmy}}”) and month/day dates (“{{mdy}}”). Choose one order and import again.',
    encoding_mismatch: 'Part of the file is not valid UTF-8. Import it again as {{encoding}} (Windows Latin).',
    record_too_large: 'The record starting on line {{line}} never ends (over {{limit}} characters): a quote is probably not closed. Nothing was imported.',
    invalid_time_zone: '“{{zone}}” is not a time zone. Use a name such as Europe/Madrid or America/New_York.',
    invalid_period: 'The period from {{from}} to {{to}} is not valid.',
    cancelled: 'Import cancelled. Nothing was changed.',
  },
  reason: {
    bad_date: 'Not a date',
    ambiguous_date: 'Date that could be day/month or month/day',
    negative_amount: 'Negative amount',
    bad_amount: 'Not an amount',
    bad_number: 'Not a whole number',
    dates_out_of_order: 'Stage dates out of order',
    column_count: 'Wrong number of columns',
    bad_quotes: 'Unbalanced quotes',
    duplicate_record: 'Same record twice in the file',
  },
  badRow: 'Line {{line}}: {{reason}}',
  badRowColumn: 'Line {{line}}: {{reason}} in “{{column}}” (“{{value}}”)',
  badRowsMore_one: '…and {{count}} more rejected row not listed.',
  badRowsMore_other: '…and {{count}} more rejected rows not listed.',
  monthsCovered_one: 'This import replaces the figures of {{count}} month: {{months}}.',
  monthsCovered_other: 'This import replaces the figures of {{count}} months: {{months}}.',
  kpiStatus: {
    met: 'Met',
    missed: 'Missed',
    'no-data': 'No data',
    'no-target': 'No target',
  },
  compliance: {
    met: 'Met',
    missed: 'Missed',
    'no-data': 'No data',
  },
} as const;
