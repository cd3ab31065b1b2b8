export const kpis = {};
