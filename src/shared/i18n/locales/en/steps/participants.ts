export const participants = {
  guide: {
    title: 'Get the right people in the room',
    body: 'An agreement between marketing and sales only holds if the people who run both teams build it together. Before anything else, note who is here: at least one leader from marketing and one from sales, plus anyone who will make the agreement work day to day.\n\nUse this session to talk openly about roles, responsibilities, processes and goals. The leaders who sign at the end are committing their teams, so make sure they are in the room, not just informed afterwards.',
  },
  agreement: {
    title: 'The agreement',
    name: {
      label: 'Agreement title',
      placeholder: 'Marketing–Sales SLA 2027',
      required: 'The agreement needs a title. The previous one is kept until you type a new one.',
    },
    company: { label: 'Company', placeholder: 'Nortia Analytics' },
    language: { label: 'Agreement language', description: 'Chosen when the agreement was created; the document is written in it.' },
    currency: { label: 'Currency', description: 'Used for revenue goals, deal sizes and the value of leads.' },
  },
  people: {
    title: 'Who takes part',
    intro: 'Everyone in the workshop. The leaders who sign commit their teams to the agreement.',
    list: 'Participants',
    add: 'Add participant',
    empty: 'No one yet. Start with the marketing leader and the sales leader who will sign.',
  },
  itemN: 'Participant {{n}}',
  fields: {
    name: { label: 'Name', placeholder: 'Laura Méndez' },
    jobTitle: { label: 'Job title', placeholder: 'Head of Marketing' },
    email: {
      label: 'E-mail',
      placeholder: 'laura.mendez@company.com',
      invalid: 'This does not look like an e-mail address yet. It will be saved once it is complete.',
    },
    team: { label: 'Team' },
    role: { label: 'Role' },
    mustSign: { label: 'Signs the agreement' },
  },
  roles: { leader: 'Leader', member: 'Member', facilitator: 'Facilitator' },
  signers: {
    marketingOk: 'Marketing leader who signs: {{names}}',
    marketingMissing: 'No marketing leader signs yet — the agreement needs one.',
    salesOk: 'Sales leader who signs: {{names}}',
    salesMissing: 'No sales leader signs yet — the agreement needs one.',
    unnamed: '(name not given yet)',
  },
};
