// Preloaded with `node --import <this file>`: appends the URL of every module Node loads to the file named by
// SLA_RECORD_MODULES: through its ESM loader (hooks on the loader's thread), and through its CommonJS loader
// (the built command is CommonJS, and so are the packages it requires), which those hooks do not see.
import { appendFileSync } from 'node:fs';
import Module, { register } from 'node:module';
import { pathToFileURL } from 'node:url';

const file = process.env.SLA_RECORD_MODULES;
if (file) {
  register('./recordModulesHooks.mjs', import.meta.url, { data: { file } });
  const load = Module.prototype.load;
  Module.prototype.load = function recordedLoad(filename) {
    appendFileSync(file, `${pathToFileURL(filename).href}\n`);
    return load.call(this, filename);
  };
}
