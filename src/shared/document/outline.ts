import type { TFunction } from 'i18next';
import type { AgreementChange } from '../api/contract';
import { createTranslator } from '../i18n';
import type { Agreement, Language, StepId } from '../model/schema';
import { signingState } from '../signing/signers';
import { createFormatter } from './format';
import { type OutlineContext } from './sections/context';
import { goalsBlocks, handoffBlocks, lifecycleBlocks } from './sections/funnel';
import { icpBlocks, partiesBlocks } from './sections/people';
import { kpisBlocks, protocolBlocks } from './sections/protocol';
import { cadenceBlocks, changesBlocks, decisionsBlocks, parkingLotBlocks } from './sections/records';
import type { AgreementOutline, OutlineBlock, OutlineSection, OutlineSectionId } from './types';

export interface OutlineOptions {
  /** Differences from the version this one amends (shared/signing/diff.ts); a section lists them when non-empty. */
  changes?: AgreementChange[];
  /** The version `changes` are measured from; the previous version when not given. */
  baseVersion?: number;
}

export type SigningPhase = 'draft' | 'partial' | 'signed';

const translators = new Map<Language, TFunction>();

/** One translator per language, made once: building an i18next instance costs more than a whole outline. */
export function documentTranslator(lang: Language): TFunction {
  let t = translators.get(lang);
  if (!t) translators.set(lang, (t = createTranslator(lang)));
  return t;
}

/** Where the agreement stands: nobody signed, some signed, every required signer signed. */
export function signingPhase(agreement: Agreement): SigningPhase {
  const state = signingState(agreement);
  if (state.complete) return 'signed';
  return state.started ? 'partial' : 'draft';
}

const STEP_SECTIONS: [OutlineSectionId & StepId, (ctx: OutlineContext) => OutlineBlock[]][] = [
  ['icp', icpBlocks],
  ['lifecycle', lifecycleBlocks],
  ['goals', goalsBlocks],
  ['handoff', handoffBlocks],
  ['protocol', protocolBlocks],
  ['kpis', kpisBlocks],
  ['cadence', cadenceBlocks],
];

/**
 * The whole agreement as the reader sees it, in `lang`: every field of every step, formatted, with "not
 * specified" in place of anything left empty. Facilitator notes, the agenda and monthly actuals are
 * workshop aids, not part of the agreement, and are left out (as they are from the fingerprint).
 */
export function buildOutline(agreement: Agreement, lang: Language, options: OutlineOptions = {}): AgreementOutline {
  const t = documentTranslator(lang);
  const ctx: OutlineContext = { agreement, t, f: createFormatter(lang, agreement.meta.currency) };
  const sections: OutlineSection[] = [];
  const changes = options.changes ?? [];
  if (changes.length > 0) {
    const baseVersion = options.baseVersion ?? Math.max(1, agreement.meta.version - 1);
    sections.push({
      id: 'changes',
      number: null,
      heading: t('document.headings.changes', { version: baseVersion }),
      blocks: changesBlocks(ctx, changes, baseVersion),
    });
  }
  sections.push({ id: 'parties', number: null, heading: t('document.headings.parties'), blocks: partiesBlocks(ctx) });
  STEP_SECTIONS.forEach(([id, blocks], i) => sections.push({ id, number: String(i + 1), heading: t(`common.steps.${id}`), blocks: blocks(ctx) }));
  sections.push(
    { id: 'decisions', number: null, heading: t('document.headings.decisions'), blocks: decisionsBlocks(ctx) },
    { id: 'parkingLot', number: null, heading: t('document.headings.parkingLot'), blocks: parkingLotBlocks(ctx) },
  );

  const phase = signingPhase(agreement);
  const state = agreement.meta.status === 'superseded' ? 'superseded' : phase;
  return {
    title: agreement.meta.title,
    company: agreement.meta.company,
    versionLine: t('document.versionLine', { version: agreement.meta.version, state: t(`document.state.${state}`) }),
    sections,
  };
}
