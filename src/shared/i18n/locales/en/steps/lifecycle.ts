export const lifecycle = {
  guide: {
    title: 'Give every stage one meaning',
    body: 'Start with the basics: what counts as a lead for you. Then define each stage of the funnel in words both teams would sign, and the exact moment a lead moves from one stage to the next.\n\nThe key lines are two: when marketing considers a lead qualified, and when it is ready for sales. Leads and MQLs still belong to marketing, which keeps nurturing them; only a Sales Qualified Lead is worked by sales.\n\nAn SQL must meet four criteria: the person can decide or drive the purchase, has a real need you solve, understands at least roughly what you offer, and fits your ideal profile. Write down what each one means in practice.',
  },
  stages: {
    title: 'Stages of the funnel',
    intro:
      'In order, from first contact to customer. For each stage, say what it means and what must be true — ideally checkable in the CRM — for a lead to enter it.',
    requiredNote: 'Lead, MQL and SQL are required in every agreement. Opportunity and Customer are optional, and you can add stages of your own.',
    list: 'Lifecycle stages',
    add: 'Add stage',
    itemN: 'Stage {{n}}',
    requiredBadge: 'Required',
    cannotRemove: '“{{stage}}” is required and cannot be removed. Rename or redefine it instead.',
    missingTitle: 'A required stage is missing',
    restore: 'Restore the {{stage}} stage',
  },
  keys: { lead: 'Lead', mql: 'MQL', sql: 'SQL' },
  stage: {
    name: { label: 'Stage name', placeholder: 'Marketing Qualified Lead (MQL)' },
    owner: { label: 'Owning team' },
    optional: { label: 'Optional stage', help: 'Needs no monthly target.' },
    definition: {
      label: 'Definition',
      placeholder: 'A lead that has passed marketing’s qualification filter…',
    },
    entryCriteria: {
      label: 'Entry criteria',
      placeholder: 'Fits the ideal profile and reached a lead score of 60, or asked for a demo.',
    },
  },
  sql: {
    title: 'When is a lead ready for sales?',
    intro: 'The four criteria a Sales Qualified Lead must meet. Say how each one is recognised in practice.',
    authority: {
      label: 'Authority',
      help: 'Can this person make or drive the buying decision?',
      placeholder: 'Director level or above, or named by one to evaluate tools.',
    },
    need: {
      label: 'Need',
      help: 'Do they have a problem we solve, now?',
      placeholder: 'Has a current problem we solve: stock-outs, manual reporting…',
    },
    understanding: {
      label: 'Understanding of the value proposition',
      help: 'Do they know, at least roughly, what we offer and why it helps?',
      placeholder: 'Has seen an overview of the platform and what it changes for them.',
    },
    fit: {
      label: 'Fit',
      help: 'Does the company match the ideal customer profile?',
      placeholder: 'Sector, size, region and systems we integrate with.',
    },
  },
};
