import { z } from 'zod';
import { migrateModel } from '../../../../shared/model/migrations';
import { isRecord } from '../../../../shared/model/migrations/types';
import { agreementSchema } from '../../../../shared/model/schema';
import { MODEL_VERSION } from '../../../../shared/model/version';

/**
 * What the crash copy (shadowCopy.ts) keeps in localStorage, validated like any file we read. A copy holds
 * the edited agreement; the acknowledged version its edits started from (`base`) sits under a key of its own,
 * written only when it changes, and named by the copy's `baseToken`. Copies written before that kept the base
 * inline (`base`); copies before model version 3 recorded no `modelVersion`.
 */
const token = z.string().regex(/^[0-9a-f-]{8,64}$/);
const copySchema = z.strictObject({
  baseRevision: z.number().int().min(1),
  savedAt: z.number(),
  agreement: agreementSchema,
  /** Inline base, as earlier versions wrote it. */
  base: agreementSchema.optional(),
  /** The base's own key ends with this token; it holds the same `baseRevision`. */
  baseToken: token.optional(),
  modelVersion: z.literal(MODEL_VERSION).optional(),
});
const baseSchema = z.strictObject({
  baseRevision: z.number().int().min(1),
  token,
  savedAt: z.number(),
  agreement: agreementSchema,
  modelVersion: z.literal(MODEL_VERSION),
});

export type StoredCopy = z.infer<typeof copySchema>;
export type StoredBase = z.infer<typeof baseSchema>;

/** Copies without `modelVersion` were written by model version 2 (the last one before copies recorded it). */
const UNVERSIONED_COPY_MODEL = 2;

/**
 * An entry written by an older app is brought to the current model with the same migrations as stored rows
 * and files, so an app update never throws unsaved edits away. One from a NEWER model is `newer`: this app
 * cannot read it, and it is not broken.
 */
function parseEntry<T>(text: string, schema: z.ZodType<T>, agreements: readonly string[]): T | null | 'newer' {
  try {
    const raw: unknown = JSON.parse(text);
    if (!isRecord(raw)) return null;
    const from = raw.modelVersion ?? UNVERSIONED_COPY_MODEL;
    if (typeof from !== 'number' || !Number.isInteger(from) || from < 1) return null;
    if (from > MODEL_VERSION) return 'newer';
    const upgrade = (agreement: unknown) => (from === MODEL_VERSION ? agreement : migrateModel({ agreement, actuals: [] }, from).agreement);
    const upgraded: Record<string, unknown> = { ...raw, modelVersion: MODEL_VERSION };
    for (const name of agreements) if (name in raw) upgraded[name] = upgrade(raw[name]);
    const parsed = schema.safeParse(upgraded);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export const parseCopy = (text: string) => parseEntry(text, copySchema, ['agreement', 'base']);
export const parseBase = (text: string) => parseEntry(text, baseSchema, ['agreement']);

/** The base token a copy names, read without understanding the rest (a copy of a newer model keeps its base). */
export function namedToken(text: string): string | null {
  try {
    const raw: unknown = JSON.parse(text);
    return isRecord(raw) && typeof raw.baseToken === 'string' ? raw.baseToken : null;
  } catch {
    return null;
  }
}

export const newToken = (): string => globalThis.crypto.randomUUID();
