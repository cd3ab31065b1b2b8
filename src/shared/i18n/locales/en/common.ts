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
};
