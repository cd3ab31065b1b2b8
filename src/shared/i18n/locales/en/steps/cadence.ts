export const cadence = {
  guide: {
    title: 'A fixed date to review the agreement',
    body: 'Decide now how often you will stop to review the agreement in depth: the assumptions behind it, the processes and the targets. For most companies once every six months is enough.\n\nIf the company is growing fast, make it every two months: the market, the team and the numbers move too quickly to wait longer.\n\nThe monthly results meeting still happens in between. The formal review is where the agreement itself changes, and a new version gets signed.',
  },
  rhythm: {
    title: 'How often',
    months: 'Months between formal reviews',
    monthsHelp: 'Every 6 months is enough for most companies.',
    highGrowth: 'High-growth company',
    highGrowthHelp: 'Review every 2 months instead of 6. Switching it sets the interval for you.',
    firstReviewDate: 'First formal review',
    weekend: '{{date}}. That is a weekend: the calendar holds the review on {{moved}}.',
  },
  participants: {
    label: 'Who takes part',
    help: 'The people who run the formal review.',
    none: 'There are no participants yet. Add them in the participants step, then choose them here.',
    unnamed: 'Participant {{n}} (no name yet)',
  },
  agenda: {
    label: 'Review agenda',
    help: 'What every formal review goes through, in order.',
    item: 'Agenda item {{n}}',
    add: 'Add agenda item',
    empty: 'No agenda items yet.',
  },
  calendar: {
    title: 'Calendar',
    reviews: 'Next formal reviews',
    reviewsHint: 'Set the date of the first formal review to see the next ones.',
    meetings: 'Next monthly meetings',
    meetingsHint: 'Set the day of the monthly meeting in the goals step to see these dates.',
    goToDay: 'Set the day',
    moved: '(moved from {{weekday}})',
  },
};
