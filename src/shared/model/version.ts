/**
 * The model version: the shape of a stored agreement, of its lineage's monthly actuals and of the `.slaw`
 * file that carries both. ONE number for all three — a `.slaw` file's `schemaVersion` is the model version
 * its content was written in, and every stored row records it too (`model_version`), so files and rows are
 * upgraded by the same migration list (src/shared/model/migrations/). Bump it only together with a new
 * migration and a new snapshot (src/shared/model/snapshots/); a test fails otherwise.
 */
export const MODEL_VERSION = 5;

/**
 * The canonical form a NEW first signature is computed with (src/shared/signing/canonicalForms.ts). A
 * version keeps the canonical form of its first signature for ever, so its fingerprint never moves when the
 * model does. Bump it only when a model change adds or reshapes something a signature must cover.
 */
export const CANONICAL_VERSION = 2;
