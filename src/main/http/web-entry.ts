import { serveBrowserMode } from './serve';

/** `node --import tsx src/main/http/web-entry.ts [--port N] [--data-dir DIR] [--no-open]` (see scripts/web.mjs). */
await serveBrowserMode(process.argv.slice(2));
