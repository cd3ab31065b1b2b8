/**
 * The form two organization names are compared in: accents, case, punctuation and spacing do not count
 * ("Nortia Analítica, S.L." is "nortia analitica s l"), so an agreement's company finds its signing key.
 */
export function organizationKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
