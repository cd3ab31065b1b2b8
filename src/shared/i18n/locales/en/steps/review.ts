export const review = {
  guide: {
    title: 'Before anyone signs',
    body: 'Read the agreement through together, one step at a time. Every open point below links to the field that settles it.\n\nAn agreement both leaders can defend is better than a complete-looking one: if a number or a definition still causes debate, park it, agree how you will decide, and come back.',
  },
  progress: '{{done}} of {{total}} steps complete',
  ready: 'Ready for sign-off',
  notReady: '{{n}} open points',
};
