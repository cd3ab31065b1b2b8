import type { OpName, OpOutput, OpParsedInput } from '../../../shared/api/contract';
import type { OpTable } from '../../../shared/api/ops/types';
import type { ActualsService } from '../actuals';
import type { AgreementService } from '../agreements';
import type { CsvMappingService } from '../csvMappings';
import type { BackupRestore } from '../backupRestore';
import type { DocumentService } from '../document/service';
import type { SettingsService } from '../settings';
import type { IdentityService } from '../signingIdentity';
import type { SigningService } from '../signing/service';

/** What one operation does with its input, already validated against the contract. */
export type Handler<K extends OpName> = (input: OpParsedInput<K>) => OpOutput<K> | Promise<OpOutput<K>>;

/** One domain's handler map: exactly the operations of that domain's contract file (src/shared/api/ops). */
export type DomainHandlers<T extends OpTable> = { [K in keyof T & OpName]: Handler<K> };

/** Every operation of the contract, each with its handler. */
export type Handlers = { [K in OpName]: Handler<K> };

/** The services the handlers call: built once by createCore, shared by every domain. */
export interface CoreServices {
  info: OpOutput<'app.info'>;
  startupReport: () => OpOutput<'app.startupReport'>;
  agreements: AgreementService;
  actuals: ActualsService;
  signing: SigningService;
  identities: IdentityService;
  settings: SettingsService;
  csvMappings: CsvMappingService;
  restore: BackupRestore;
  /** The Word document service, loaded on first use (docx and the signing code stay out of every other start). */
  documents: () => Promise<DocumentService>;
}
