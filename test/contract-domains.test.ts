import { describe, expect, it } from 'vitest';
import { OP_NAMES } from '../src/shared/api/contract';
import { actualsOps } from '../src/shared/api/ops/actuals';
import { agreementsOps } from '../src/shared/api/ops/agreements';
import { appOps } from '../src/shared/api/ops/app';
import { backupsOps } from '../src/shared/api/ops/backups';
import { csvMappingsOps } from '../src/shared/api/ops/csvMappings';
import { documentOps } from '../src/shared/api/ops/document';
import { filesOps } from '../src/shared/api/ops/files';
import { settingsOps } from '../src/shared/api/ops/settings';
import { signingOps } from '../src/shared/api/ops/signing';
import { signingKeysOps } from '../src/shared/api/ops/signingKeys';
import { createHandlers, type CoreServices } from '../src/main/core/handlers';

/** Each domain's contract file, and the operation-name prefixes it may declare. */
const DOMAINS: Record<string, { ops: object; prefixes: string[] }> = {
  app: { ops: appOps, prefixes: ['app'] },
  agreements: { ops: agreementsOps, prefixes: ['agreements'] },
  actuals: { ops: actualsOps, prefixes: ['actuals'] },
  signing: { ops: signingOps, prefixes: ['signing'] },
  document: { ops: documentOps, prefixes: ['document'] },
  signingKeys: { ops: signingKeysOps, prefixes: ['signingKeys'] },
  settings: { ops: settingsOps, prefixes: ['settings'] },
  backups: { ops: backupsOps, prefixes: ['backups'] },
  files: { ops: filesOps, prefixes: ['slaw'] },
  csvMappings: { ops: csvMappingsOps, prefixes: ['csvMappings'] },
};

describe('the contract, grouped by domain', () => {
  it('declares every operation in exactly one domain, under that domain’s prefix', () => {
    const declared = Object.entries(DOMAINS).flatMap(([domain, { ops, prefixes }]) =>
      Object.keys(ops).map((name) => {
        expect(prefixes, `${name} in ${domain}`).toContain(name.split('.')[0]);
        return name;
      }),
    );
    // A name declared by two domains would be silently overwritten by the spread that assembles the contract.
    expect(declared.length).toBe(new Set(declared).size);
    expect([...declared].sort()).toEqual([...OP_NAMES].sort());
  });

  it('has one handler per operation, assembled from the domains’ handler maps', () => {
    // The handlers are only built here, never called: no service is needed.
    const handlers = createHandlers({} as CoreServices);
    expect(Object.keys(handlers).sort()).toEqual([...OP_NAMES].sort());
    for (const name of OP_NAMES) expect(typeof handlers[name]).toBe('function');
  });
});
