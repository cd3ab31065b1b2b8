import { printTable, type Row } from './stats';
import { benchBrowser } from './browser';
import { benchAutosave, benchList } from './storage';

/** `npm run bench`: prints a table of figures next to their budgets. Not a test: it never fails the build. */
const rows: Row[] = [...(await benchAutosave()), ...(await benchList()), ...(await benchBrowser())];
printTable(rows);
