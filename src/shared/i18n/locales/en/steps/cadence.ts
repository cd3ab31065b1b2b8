export const cadence = {};
