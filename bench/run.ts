import { printTable, type Row } from './stats';
import { benchBrowser } from './browser';
import { benchDocument } from './document';
import { benchPackageSignature } from './packageSignature';
import { benchAutosave, benchList } from './storage';

/** `npm run bench`: prints a table of figures next to their budgets. Not a test: it never fails the build. */
const rows: Row[] = [...(await benchAutosave()), ...(await benchList()), ...(await benchDocument()), ...(await benchPackageSignature()), ...(await benchBrowser())];
printTable(rows);
