import { AMOUNT_STYLES, DATE_STYLES, STAGE_KEYS } from './records.mjs';

/**
 * The committed CSV fixtures: one per export style. Each says how a record is written (`header`, `row`)
 * and what the file means (`truth`: the stage dates, creation date and amount a correct import must read),
 * from which the generator writes the expected figures next to the file.
 */

const opt = (value, write) => (value === undefined ? '' : write(value));

const HUBSPOT_LABELS = {
  lead: 'Became a Lead Date',
  mql: 'Became a Marketing Qualified Lead Date',
  sql: 'Became a Sales Qualified Lead Date',
  opportunity: 'Became an Opportunity Date',
  customer: 'Became a Customer Date',
};
const HUBSPOT_INTERNAL = {
  lead: 'hs_lifecyclestage_lead_date',
  mql: 'hs_lifecyclestage_marketingqualifiedlead_date',
  sql: 'hs_lifecyclestage_salesqualifiedlead_date',
  opportunity: 'hs_lifecyclestage_opportunity_date',
  customer: 'hs_lifecyclestage_customer_date',
};

/** Everything a contact export knows, the way HubSpot lays it out. */
function hubspot({ labels, date, amount }) {
  const lifecycle = (r) => [...STAGE_KEYS].reverse().find((k) => r.dates[k] !== undefined);
  return {
    header:
      labels === HUBSPOT_LABELS
        ? [
            'Record ID',
            'First Name',
            'Last Name',
            'Company Name',
            'Lifecycle Stage',
            'Create Date',
            ...STAGE_KEYS.map((k) => labels[k]),
            'First outreach date',
            'Number of times contacted',
            'Amount',
            'Notes',
          ]
        : [
            'hs_object_id',
            'firstname',
            'lastname',
            'company',
            'lifecyclestage',
            'createdate',
            ...STAGE_KEYS.map((k) => labels[k]),
            'hs_first_outreach_date',
            'num_contacted_notes',
            'amount',
            'notes',
          ],
    row: (r) => [
      String(r.id),
      r.first,
      r.last,
      r.company,
      lifecycle(r),
      date(r.created),
      ...STAGE_KEYS.map((k) => opt(r.dates[k], date)),
      opt(r.contacted, date),
      String(r.attempts),
      opt(r.amount, amount),
      r.notes,
    ],
    truth: (r) => ({ stages: r.dates, created: r.created, amount: r.amount }),
  };
}

const SF_OPEN = ['Prospecting', 'Negotiation/Review'];

/** A Salesforce "Leads with converted lead information" report. */
function salesforce({ date, dateOnly, amount, won, lost, open }) {
  const stage = (r) => (r.dates.customer !== undefined ? won : r.dates.opportunity === undefined ? '' : r.id % 3 === 0 ? lost : open[r.id % open.length]);
  // An open or lost opportunity still has a Close Date (a forecast, or when it was lost): never a customer date.
  const close = (r) => r.dates.customer ?? (r.dates.opportunity === undefined ? undefined : r.dates.opportunity + 20 * 86_400_000);
  return {
    header: [
      'Lead ID',
      'First Name',
      'Last Name',
      'Company / Account',
      'Lead Status',
      'Created Date',
      'Converted Date',
      'Opportunity: Created Date',
      'Opportunity: Stage',
      'Opportunity: Close Date',
      'Opportunity: Amount',
      'First Response',
    ],
    row: (r) => [
      `00Q${String(r.id).padStart(12, '0')}`,
      r.first,
      r.last,
      r.company,
      r.dates.sql !== undefined ? 'Qualified' : r.dates.mql !== undefined ? 'Working' : 'Open',
      date(r.created),
      opt(r.dates.sql, dateOnly),
      opt(r.dates.opportunity, dateOnly),
      stage(r),
      opt(close(r), dateOnly),
      r.dates.opportunity === undefined ? '' : opt(r.amount, amount),
      opt(r.contacted, date),
    ],
    // Salesforce has no MQL date: the report says nothing about MQLs.
    truth: (r) => ({
      stages: { lead: r.created, sql: r.dates.sql, opportunity: r.dates.opportunity, customer: r.dates.customer },
      created: undefined,
      amount: r.dates.opportunity === undefined ? undefined : r.amount,
    }),
  };
}

/** A spreadsheet kept by hand in Spanish, with a custom "Demo" stage between SQL and customer. */
function genericSpanish() {
  const demo = (r) => (r.dates.opportunity === undefined ? undefined : r.dates.opportunity + 2 * 3_600_000);
  const { dmy } = DATE_STYLES;
  return {
    header: ['ID cliente', 'Nombre', 'Empresa', 'Fecha de alta', 'Fecha MQL', 'Fecha SQL', 'Demo realizada', 'Fecha cliente', 'Primer contacto', 'Importe'],
    row: (r) => [
      String(r.id),
      `${r.first} ${r.last}`,
      r.company,
      dmy(r.created),
      opt(r.dates.mql, dmy),
      opt(r.dates.sql, dmy),
      opt(demo(r), dmy),
      opt(r.dates.customer, dmy),
      opt(r.contacted, dmy),
      opt(r.amount, AMOUNT_STYLES.groupedComma),
    ],
    truth: (r) => ({
      stages: { lead: r.created, mql: r.dates.mql, sql: r.dates.sql, custom: demo(r), customer: r.dates.customer },
      created: r.created,
      amount: r.amount,
    }),
  };
}

export const GENERIC_MAPPING = {
  format: 'sla-workshop/csv-mapping',
  version: 1,
  name: 'Hoja de seguimiento comercial',
  stages: [
    { stage: { key: 'lead' }, column: 'Fecha de alta' },
    { stage: { key: 'mql' }, column: 'Fecha MQL' },
    { stage: { key: 'sql' }, column: 'Fecha SQL' },
    { stage: { custom: 'Demo' }, column: 'Demo realizada' },
    { stage: { key: 'customer' }, column: 'Fecha cliente' },
  ],
  recordId: 'ID cliente',
  createDate: 'Fecha de alta',
  firstContact: 'Primer contacto',
  amount: 'Importe',
  dateOrder: 'dmy',
};

export const FIXTURES = [
  {
    file: 'hubspot-labels-comma.csv',
    seed: 11,
    count: 120,
    encoding: 'utf-8',
    bom: false,
    delimiter: ',',
    newline: '\n',
    style: hubspot({ labels: HUBSPOT_LABELS, date: DATE_STYLES.hubspot, amount: AMOUNT_STYLES.plain }),
  },
  {
    file: 'hubspot-internal-semicolon-bom.csv',
    seed: 12,
    count: 120,
    encoding: 'utf-8',
    bom: true,
    delimiter: ';',
    newline: '\r\n',
    style: hubspot({ labels: HUBSPOT_INTERNAL, date: DATE_STYLES.isoUtc, amount: AMOUNT_STYLES.comma }),
  },
  {
    file: 'hubspot-labels-tab-latin1.csv',
    seed: 13,
    count: 120,
    encoding: 'windows-1252',
    bom: false,
    delimiter: '\t',
    newline: '\r\n',
    style: hubspot({ labels: HUBSPOT_LABELS, date: DATE_STYLES.dmy, amount: AMOUNT_STYLES.groupedComma }),
  },
  {
    file: 'salesforce-us-comma.csv',
    seed: 21,
    count: 120,
    encoding: 'utf-8',
    bom: false,
    delimiter: ',',
    newline: '\r\n',
    style: salesforce({
      date: DATE_STYLES.mdy,
      dateOnly: DATE_STYLES.mdyDate,
      amount: AMOUNT_STYLES.grouped,
      won: 'Closed Won',
      lost: 'Closed Lost',
      open: SF_OPEN,
    }),
  },
  {
    file: 'salesforce-es-semicolon-latin1.csv',
    seed: 22,
    count: 120,
    encoding: 'windows-1252',
    bom: false,
    delimiter: ';',
    newline: '\r\n',
    style: salesforce({
      date: DATE_STYLES.dmy,
      dateOnly: DATE_STYLES.dmyDate,
      amount: AMOUNT_STYLES.groupedComma,
      won: 'Cerrada ganada',
      lost: 'Cerrada perdida',
      open: ['Prospección', 'Negociación'],
    }),
  },
  {
    file: 'generic-es-semicolon.csv',
    seed: 31,
    count: 120,
    encoding: 'utf-8',
    bom: false,
    delimiter: ';',
    newline: '\n',
    style: genericSpanish(),
    mapping: 'generic-es.mapping.json',
  },
  {
    file: 'bad-rows.csv',
    seed: 41,
    count: 40,
    encoding: 'utf-8',
    bom: false,
    delimiter: ',',
    newline: '\n',
    style: hubspot({ labels: HUBSPOT_LABELS, date: DATE_STYLES.hubspot, amount: AMOUNT_STYLES.plain }),
    badRows: true,
  },
];
