export const participants = {};
