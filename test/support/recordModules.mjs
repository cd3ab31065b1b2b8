// Preloaded with `node --import <this file>`: appends the URL of every module Node loads through its ESM
// loader (our chunks, and each package a chunk imports) to the file named by SLA_RECORD_MODULES.
import { register } from 'node:module';

if (process.env.SLA_RECORD_MODULES) register('./recordModulesHooks.mjs', import.meta.url, { data: { file: process.env.SLA_RECORD_MODULES } });
