export const goals = {};
