/** Size limits shared by the schema, the importer and the API: they keep a hostile file from filling the disk. */
export const LIMITS = {
  shortText: 200,
  longText: 20_000,
  listItems: 200,
  /** Months of actuals kept per agreement (50 years). */
  actualsMonths: 600,
  slawBytes: 20 * 1024 * 1024,
  maxNumber: 1e12,
} as const;
