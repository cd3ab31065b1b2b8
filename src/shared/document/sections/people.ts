import type { OutlineBlock } from '../types';
import { shownJobTitle, teamName, text, type OutlineContext } from './context';
import type { KeysUnder } from '../../i18n';

/** The parties: everyone who took part, and who signs. */
export function partiesBlocks(ctx: OutlineContext): OutlineBlock[] {
  const { t, agreement } = ctx;
  const company = agreement.meta.company.trim();
  const rows = agreement.participants.map((p) => [
    text(ctx, p.name),
    text(ctx, shownJobTitle(ctx, p)),
    t('document.parties.teamRole', { team: teamName(ctx, p.team), role: t(`steps.participants.roles.${p.role}`) }),
    p.email || '—',
    t(p.mustSign ? 'document.yes' : 'document.no'),
  ]);
  const c = (key: KeysUnder<'document.parties.columns'>) => t(`document.parties.columns.${key}`);
  return [
    { kind: 'paragraph', text: company ? t('document.parties.intro', { company }) : t('document.parties.introNoCompany') },
    rows.length > 0
      ? { kind: 'table', columns: [c('name'), c('jobTitle'), c('teamRole'), c('email'), c('signs')], rows, widths: [18, 21, 17, 31, 13] }
      : { kind: 'note', text: t('document.parties.none') },
  ];
}

const COMPANY_FIELDS = ['industry', 'size', 'region', 'revenueBand', 'description', 'competition', 'challenges', 'goals'] as const;
const PERSONA_FIELDS = ['demographics', 'role', 'priorities', 'pains', 'goals', 'notes'] as const;

/** Step 1: the ideal company, then one block per buyer persona. */
export function icpBlocks(ctx: OutlineContext): OutlineBlock[] {
  const { t, agreement } = ctx;
  const { company, personas } = agreement.icp;
  const blocks: OutlineBlock[] = [
    { kind: 'subheading', text: t('document.icp.company') },
    { kind: 'fields', rows: COMPANY_FIELDS.map((key) => ({ label: t(`steps.icp.company.${key}.label`), value: text(ctx, company[key]) })) },
    { kind: 'subheading', text: t('document.icp.personas') },
  ];
  if (personas.length === 0) blocks.push({ kind: 'note', text: t('document.icp.noPersonas') });
  personas.forEach((persona, i) => {
    blocks.push(
      { kind: 'subheading', level: 3, text: persona.name.trim() || t('document.icp.unnamedPersona', { n: i + 1 }) },
      { kind: 'fields', rows: PERSONA_FIELDS.map((key) => ({ label: t(`steps.icp.persona.${key}.label`), value: text(ctx, persona[key]) })) },
    );
  });
  return blocks;
}
