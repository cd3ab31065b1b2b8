export const handoff = {};
