export const common = {
  appName: 'SLA Workshop',
  language: { es: 'Spanish', en: 'English' },
  steps: {
    participants: 'Participants',
    icp: 'Ideal customer & buyer personas',
    lifecycle: 'Lifecycle stages',
    goals: 'Goals',
    handoff: 'Handoff',
    protocol: 'Lead-handling protocol',
    kpis: 'KPIs',
    cadence: 'Review cadence',
    review: 'Review & sign',
  },
  teams: { marketing: 'Marketing', sales: 'Sales', other: 'Other' },
  status: { draft: 'Draft', signed: 'Signed', superseded: 'Superseded' },
  /** A version someone has signed while others still have to: never just "Signed". */
  statusAwaiting_one: 'Awaiting signature ({{signed}} of {{count}})',
  statusAwaiting_other: 'Awaiting signatures ({{signed}} of {{count}})',
  device: { default: 'This laptop' },
};
