import type { TFunction } from 'i18next';
import type { Agreement, Participant, Team } from '../../model/schema';
import type { Formatter } from '../format';
import type { OutlineBlock } from '../types';

/** What every section builder needs: the agreement, the translator and the formatter of the outline's language. */
export interface OutlineContext {
  agreement: Agreement;
  t: TFunction;
  f: Formatter;
}

/** Free text as written, or "Not specified" when it was left empty. */
export const text = (ctx: OutlineContext, value: string): string => value.trim() || ctx.t('document.notSpecified');

/** A number through `format`, or "Not set" when there is none. */
export const maybe = (ctx: OutlineContext, value: number | null, format: (n: number) => string = ctx.f.number): string =>
  value === null ? ctx.t('document.notSet') : format(value);

export const yesNo = (ctx: OutlineContext, value: boolean): string => ctx.t(value ? 'document.yes' : 'document.no');

/** The job title a participant signed with once they have signed (it may have changed at signing), else the listed one. */
export const shownJobTitle = (ctx: OutlineContext, participant: Participant): string =>
  ctx.agreement.signatures.find((s) => s.participantId === participant.id)?.jobTitle || participant.jobTitle;

export const teamName = (ctx: OutlineContext, team: Team): string => ctx.t(`common.teams.${team}`);

/** A table, or a note saying there is nothing to show: never an empty table. */
export function tableOrNote(rows: string[][], table: Omit<Extract<OutlineBlock, { kind: 'table' }>, 'kind' | 'rows'>, note: string): OutlineBlock {
  return rows.length > 0 ? { kind: 'table', ...table, rows } : { kind: 'note', text: note };
}
