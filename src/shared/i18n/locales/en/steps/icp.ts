export const icp = {
  guide: {
    title: 'Agree on who you are selling to',
    body: 'Everything else in the agreement rests on a shared picture of the ideal customer. When it stays vague, each team quietly aims at a different audience, and no definition or target downstream can fix that.\n\nDescribe the ideal company first: what it does, its size and market, who it compares you with, what gets in its way and what it wants to achieve. Then describe the people inside it who buy or influence the decision: what they are responsible for, what they care about and what keeps them up at night.\n\nMany teams skip this step. Spend the time here: the better both sides know these people, the easier it is to reach the ones who matter.',
  },
  company: {
    title: 'The ideal company',
    intro: 'The kind of organisation both teams agree to go after.',
    industry: { label: 'Industry', placeholder: 'Mid-sized retail and e-commerce' },
    size: { label: 'Company size', placeholder: '50–500 employees' },
    region: { label: 'Region', placeholder: 'Spain, Portugal and Latin America' },
    revenueBand: { label: 'Annual revenue', placeholder: '$10M–$100M' },
    description: {
      label: 'Ideal profile',
      help: 'What makes a company a great fit for you, in a few sentences.',
      placeholder: 'Retailers with several stores or an online shop that sell through more than one channel…',
    },
    competition: { label: 'Competition', placeholder: 'Generic BI suites, spreadsheets kept by finance, the ERP’s own reports…' },
    challenges: { label: 'Company challenges', placeholder: 'Data spread across systems, reports built by hand, stock-outs found too late…' },
    goals: { label: 'Company goals', placeholder: 'Fewer stock-outs, margin visible per channel, analysts freed from manual reporting…' },
  },
  personas: {
    title: 'Buyer personas',
    intro: 'The people who buy, decide or influence the purchase. One card each.',
    list: 'Buyer personas',
    add: 'Add persona',
    itemN: 'Persona {{n}}',
    empty: 'No personas yet. Start with the person who usually signs the purchase.',
  },
  persona: {
    name: { label: 'Persona name', placeholder: 'Operations Olivia' },
    demographics: { label: 'Demographics', placeholder: '35–50, operations director, reports to the CEO' },
    role: { label: 'Role and responsibilities', placeholder: 'Owns inventory and replenishment; approves tools under $50k a year.' },
    priorities: { label: 'Priorities', placeholder: 'Fewer stock-outs, a weekly view she can trust.' },
    pains: { label: 'Pains and challenges', placeholder: 'Reports arrive late and disagree with each other.' },
    goals: { label: 'Goals', placeholder: 'Cut stock-outs by a third within a year.' },
    notes: { label: 'Notes', placeholder: 'Where they find you, who else joins the decision…' },
  },
};
