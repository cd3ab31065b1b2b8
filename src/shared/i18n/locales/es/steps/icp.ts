export const icp = {};
