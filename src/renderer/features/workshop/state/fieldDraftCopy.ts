import { z } from 'zod';
import { isTranslationKey, type TranslationKey } from '../../../../shared/i18n';
import { LIMITS } from '../../../../shared/model/limits';
import type { FieldDraft } from './fieldDrafts';

/**
 * The copy, on this computer, of texts typed into fields that are not valid yet. It sits next to the crash
 * copy of the agreement (shadowCopy.ts) under its own key: those texts are never sent to the host, so they
 * outlive any save and go only when the field becomes valid. Read like any untrusted file: a broken copy is
 * dropped.
 */
const problemSchema = z.strictObject({
  // A stored copy is untrusted: only a key that names a message is shown.
  key: z.custom<TranslationKey>((value) => typeof value === 'string' && value.length <= 200 && isTranslationKey(value)),
  params: z.record(z.string().max(100), z.union([z.string().max(LIMITS.longText), z.number()])).optional(),
  choices: z.array(z.number().finite()).max(4).optional(),
});
const draftSchema = z.strictObject({
  agreementId: z.string().max(64),
  path: z.array(z.union([z.string().max(100), z.number().int().min(0)])).max(10),
  raw: z.string().max(LIMITS.longText),
  problem: problemSchema,
  settled: z.boolean(),
  base: z.union([z.string().max(LIMITS.longText), z.number(), z.null()]),
  label: z.string().max(LIMITS.shortText * 2),
});
const copySchema = z.strictObject({ version: z.literal(1), drafts: z.record(z.string().max(2000), draftSchema) });

const storageKey = (id: string) => `sla-workshop.fieldDrafts.${id}`;

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function writeFieldDraftCopy(id: string, drafts: Record<string, FieldDraft>): void {
  try {
    if (Object.keys(drafts).length === 0) storage()?.removeItem(storageKey(id));
    else storage()?.setItem(storageKey(id), JSON.stringify({ version: 1, drafts }));
  } catch {
    // Storage full or disabled: the text stays on screen; only the copy for a crash is missing.
  }
}

export function readFieldDraftCopy(id: string): Record<string, FieldDraft> {
  let text: string | null | undefined;
  try {
    text = storage()?.getItem(storageKey(id));
  } catch {
    return {};
  }
  if (!text) return {};
  try {
    const parsed = copySchema.safeParse(JSON.parse(text));
    if (parsed.success) return Object.fromEntries(Object.entries(parsed.data.drafts).filter(([, d]) => d.agreementId === id));
  } catch {
    // Not JSON: dropped below.
  }
  writeFieldDraftCopy(id, {});
  return {};
}
