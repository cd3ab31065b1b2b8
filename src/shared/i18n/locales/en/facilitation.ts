export const facilitation = {};
