export const handoff = {
  guide: {
    title: 'Make the handoff unambiguous',
    body: 'Turning interest into customers is a team effort, and the riskiest moment is the pass between teams. Agree on the exact point at which a lead stops being marketing’s and becomes sales’, and what sets it off.\n\nThen agree how the lead reaches the right person, how long sales has to accept or send it back, and who watches over the process. This only works because the stages are clearly defined: if people still argue about what an SQL is, go back one step first.',
  },
  point: {
    title: 'Where the lead changes hands',
    intro: 'The stage at which marketing hands the lead over, and the event that triggers it.',
  },
  routing: {
    title: 'Routing and response',
    intro: 'How the lead reaches a salesperson, how quickly they must respond, and who owns the process.',
  },
  fields: {
    stageId: {
      label: 'Handoff stage',
      help: 'From this stage on, sales owns the lead.',
      none: '— Choose a stage —',
    },
    trigger: {
      label: 'What triggers the handoff',
      help: 'The event or status change, ideally automatic in the CRM.',
      placeholder: 'The SDR qualification call confirms the four SQL criteria; the CRM changes the stage automatically.',
    },
    routing: { label: 'How the lead is routed' },
    acceptWindowHours: { label: 'Hours for sales to accept or reject', placeholder: '48', suffix: ' h' },
    owner: { label: 'Owner of the handoff', placeholder: 'Sales Development Lead' },
    routingDetails: {
      label: 'Routing details',
      placeholder: 'Round-robin among the account executives of the lead’s region; the owner gets a CRM task and an e-mail.',
    },
  },
  routingOptions: {
    'crm-assignment': 'CRM assignment rule',
    'round-robin': 'Round-robin',
    notification: 'Notification',
    other: 'Other',
  },
  strip: {
    label: 'Lifecycle stages from marketing to sales',
    handoff: 'handoff',
    noStage: 'Choose the handoff stage to see where the lead changes hands.',
    ownerNote:
      '“{{stage}}” is owned by {{team}} in the lifecycle step. At the handoff the lead passes to sales, so the handoff stage is usually the first sales stage.',
  },
};
