export const goals = {
  guide: {
    title: 'Targets built on your real numbers',
    body: 'Agree how many contacts each stage of the funnel must reach every month: leads, MQLs and SQLs at least. Marketing (and any sales development team) owns the volume of leads and the SQLs it puts in front of sales.\n\nDo not guess the numbers. Start from what the last months actually produced, how experienced each team is and how many leads you generate today. The calculator works backwards from the revenue you need to show whether your history can get you there.\n\nEveryone bound by the agreement meets once a month to compare results with these targets and adjust them.',
  },
  targets: {
    title: 'Monthly targets',
    description: 'How many contacts each stage must reach every month.',
    stage: 'Stage',
    owner: 'Owner',
    monthly: 'Monthly target',
    calculator: 'Calculator',
    inputLabel: 'Monthly target for {{stage}}',
    optional: 'optional',
    noStages: 'There are no lifecycle stages yet. Define them in the lifecycle step first.',
  },
  basis: {
    label: 'What the targets are based on',
    description: 'The historical data behind these numbers: period, source, averages, planned growth.',
    placeholder: 'e.g. CRM data for the last 12 months: 480 leads, 190 MQLs and 92 SQLs a month on average, plus 10 % growth.',
  },
  warnings: {
    title: 'Check these targets',
    laterLarger: 'The target for “{{later}}” ({{laterValue}}) is larger than the one for “{{earlier}}” ({{earlierValue}}), which comes earlier in the funnel.',
    rateOver100:
      'The target for “{{to}}” is larger than the one for “{{from}}”: that would mean converting {{rate}} of them, and no stage can convert more than 100 %.',
    farFromCalculator: 'The target for “{{stage}}” ({{target}}) is more than 20 % away from what the calculator says the revenue goal needs ({{expected}}).',
    rateFar:
      'From “{{from}}” to “{{to}}” the targets imply a conversion of {{implied}}, more than 10 points away from the {{entered}} entered in the calculator.',
  },
  calculator: {
    title: 'Reverse-funnel calculator',
    intro:
      'Start from the revenue you need each month. Divided by the average deal size it gives the customers you need; the conversion rates from your history then say how many of each earlier stage it takes.',
    revenueGoal: 'Revenue goal per month',
    averageDealSize: 'Average deal size',
    ratesTitle: 'Conversion rates from your history',
    rates: {
      leadToMql: 'Lead → MQL',
      mqlToSql: 'MQL → SQL',
      sqlToOpportunity: 'SQL → opportunity',
      opportunityToCustomer: 'Opportunity → customer',
    },
    resultsTitle: 'What the revenue goal needs each month',
    stages: {
      lead: 'Leads',
      mql: 'MQLs',
      sql: 'SQLs',
      opportunity: 'Opportunities',
      customer: 'Customers',
    },
    missingFields: 'To see the numbers, enter: {{fields}}.',
    zeroDealSize: 'The average deal size is 0: no number of customers adds up to the revenue goal. Enter the average value of a won deal.',
    zeroRate:
      'The {{rate}} rate is zero: no number of contacts before it would ever produce one after it, so the funnel cannot be worked backwards. Enter the rate your history shows.',
    tooLarge:
      'The revenue goal would need more than {{max}} {{stage}} a month, more than a monthly target can hold. Check the revenue goal, the average deal size and the rates.',
    tooLargeCustom:
      'The revenue goal would need more than {{max}} a month in “{{stage}}”, more than a monthly target can hold. Check its target and the rates.',
    outOfRange: 'The value of “{{field}}” is out of range; correct it above.',
    rateIn: '{{rate}} arrive',
    rateInImpossible: '{{rate}} arrive: impossible, check its target',
    rateOut: '{{rate}} move on',
    customNoTarget: 'Needs a monthly target',
    customNoReference: 'Needs a target on a stage next to it',
    customNote:
      'Custom stages have no conversion rate of their own: each keeps the proportion between its monthly target and the target of the next default stage (the previous one at the bottom of the funnel). The rates in and out follow from that.',
    apply: 'Apply to targets',
    applyHint: 'Copies these numbers into the monthly targets above. Undo reverts it in one step.',
    applied: 'The monthly targets match the calculator.',
    notInStages: 'Not a stage of this agreement; it is not copied.',
  },
  meeting: {
    title: 'Monthly review meeting',
    day: 'Day of the month',
    dayDescription: 'From 1 to 28, so the day exists in every month.',
    description: 'How the meeting works',
    descriptionHelp: 'Who attends, what is compared, how targets are adjusted.',
    placeholder: 'e.g. Marketing and sales leads meet on the 5th to compare last month’s results with the targets and adjust the plan.',
  },
};
