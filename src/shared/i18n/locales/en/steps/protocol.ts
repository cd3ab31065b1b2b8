export const protocol = {
  guide: {
    title: 'Agree how every lead is treated',
    body: 'The usual complaint is that the other team does not know how to handle leads. This step removes it: each lead may become a customer, so agree when, how and how many times sales gets in touch, and through which channels.\n\nClose the loop: sales tells marketing what happened to every lead it received, so campaigns improve instead of repeating mistakes. Agree too what happens when sales rejects a lead: the accepted reasons, and how it goes back to marketing to be nurtured.\n\nFinish with numbers each side can be held to, such as how many qualified leads marketing delivers and how many leads each salesperson works and converts every month.',
  },
  contact: {
    title: 'Contacting a new lead',
    intro: 'How fast, how often and through which channels sales gets in touch after the handoff.',
    firstContact: { label: 'First contact within', help: 'Business hours from the handoff.', placeholder: '4', suffix: ' h' },
    attempts: { label: 'Contact attempts', help: 'Before the lead counts as unreachable.', placeholder: '6' },
    attemptWindow: { label: 'Over how many days', help: 'The period the attempts are spread across.', placeholder: '14', suffix: ' days' },
    channels: { label: 'Contact channels', help: 'Every channel sales may use.' },
  },
  channels: {
    phone: 'Phone',
    email: 'E-mail',
    video: 'Video call',
    social: 'Social networks',
    meeting: 'In-person meeting',
    chat: 'Chat or messaging',
  },
  closedLoop: {
    title: 'Closing the loop',
    intro: 'What sales reports back to marketing about the leads it received.',
    report: {
      label: 'What sales reports back',
      placeholder: 'The status of every lead received: contacted, accepted, rejected with a reason, won or lost.',
    },
    frequency: { label: 'How often' },
  },
  frequencies: { daily: 'Daily', weekly: 'Weekly', monthly: 'Monthly' },
  rejection: {
    title: 'Rejected leads',
    intro: 'The reasons sales may give for sending a lead back, and what happens to it next.',
    reasons: {
      list: 'Reasons for rejecting a lead',
      add: 'Add reason',
      itemN: 'Reason {{n}}',
      placeholder: 'Not a decision maker',
      empty: 'No reasons yet. A short, shared list makes rejections easy to count.',
    },
    recycling: {
      label: 'What happens to rejected leads',
      help: 'How they return to marketing and when they may be handed over again.',
      placeholder: 'They go back to marketing with the reason recorded and enter a nurturing sequence; they can be handed over again after 90 days.',
    },
  },
  commitments: {
    title: 'Volume commitments',
    intro: 'The numbers each side commits to every month. Leave the maximum empty for "at least".',
    itemN: '{{team}} commitment {{n}}',
    maxBelowMin: 'Lower than the minimum ({{min}}).',
    marketing: {
      title: 'What marketing commits to',
      add: 'Add marketing commitment',
      empty: 'Nothing yet, for example the qualified leads delivered each month.',
      placeholder: 'MQLs delivered to sales per month',
    },
    sales: {
      title: 'What sales commits to',
      add: 'Add sales commitment',
      empty: 'Nothing yet, for example the leads each rep works each month.',
      placeholder: 'Qualified leads each rep works per month',
    },
    other: {
      title: 'Other teams’ commitments',
      add: 'Add commitment from another team',
      empty: 'None.',
      placeholder: 'CRM routing rules reviewed every month',
    },
    fields: {
      description: { label: 'Commitment' },
      min: { label: 'Minimum' },
      max: { label: 'Maximum' },
      unit: { label: 'Unit' },
    },
  },
  units: { 'per-month': 'per month', percent: '%', hours: 'hours' },
};
