export const lifecycle = {};
