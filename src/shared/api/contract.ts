import type { z } from 'zod';
import { appOps } from './ops/app';
import { agreementsOps } from './ops/agreements';
import { actualsOps } from './ops/actuals';
import { signingOps } from './ops/signing';
import { documentOps } from './ops/document';
import { signingKeysOps } from './ops/signingKeys';
import { settingsOps } from './ops/settings';
import { backupsOps } from './ops/backups';
import { filesOps } from './ops/files';
import { csvMappingsOps } from './ops/csvMappings';

export * from './schemas';

/**
 * The whole API, declared once: operation name → zod input and zod output, grouped by domain (one file per
 * domain under ./ops, assembled here). Core implements it (one handler map per domain, assembled in
 * src/main/core/handlers), dispatch validates every input against it, and the renderer's client is typed from it.
 */
export const contract = {
  ...appOps,
  ...agreementsOps,
  ...actualsOps,
  ...signingOps,
  ...documentOps,
  ...signingKeysOps,
  ...settingsOps,
  ...backupsOps,
  ...filesOps,
  ...csvMappingsOps,
} as const;

export type Contract = typeof contract;
export type OpName = keyof Contract;
export const OP_NAMES = Object.keys(contract) as OpName[];
export type OpInput<K extends OpName> = z.input<Contract[K]['input']>;
export type OpParsedInput<K extends OpName> = z.output<Contract[K]['input']>;
export type OpOutput<K extends OpName> = z.output<Contract[K]['output']>;

export function isOpName(name: string): name is OpName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
