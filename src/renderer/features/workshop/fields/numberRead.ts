import { parseLocaleNumber } from '../../../../shared/numbers/localeNumber';
import { checkLimits, type LimitProblem, type NumberLimits } from '../../../../shared/numbers/numberLimits';
import { LIMITS } from '../../../../shared/model/limits';
import type { FieldProblem } from '../state/fieldDrafts';
import type { FieldRead } from './useDraftedField';

export interface NumberFieldRules extends NumberLimits {
  /** An empty box stores null ("not decided yet"); otherwise it is a problem. */
  nullable: boolean;
}

const P = 'workshop.number.';

function limitProblem(problem: LimitProblem): FieldProblem {
  switch (problem.key) {
    case 'outOfRange': {
      // Name the bound that matters: "at least 0" says more than "from 0 to 1,000,000,000,000".
      const openTop = problem.max >= LIMITS.maxNumber;
      const openBottom = problem.min <= -LIMITS.maxNumber;
      if (problem.below)
        return openTop ? { key: `${P}atLeast`, params: { min: problem.min } } : { key: `${P}range`, params: { min: problem.min, max: problem.max } };
      return openTop || openBottom ? { key: `${P}atMost`, params: { max: problem.max } } : { key: `${P}range`, params: { min: problem.min, max: problem.max } };
    }
    case 'wholeNumber':
      return { key: `${P}wholeNumber` };
    case 'tooManyDecimals':
      return { key: `${P}decimals`, params: { count: problem.decimals } };
  }
}

/**
 * Reads a number field's text in the interface's locale and checks it against the field's rules, without
 * ever changing it: out of range, too many decimals or ambiguous text is a problem, never a clamp.
 */
export function readNumber(raw: string, final: boolean, locale: string, rules: NumberFieldRules): FieldRead<number | null> {
  const reading = parseLocaleNumber(raw, locale, { final });
  switch (reading.kind) {
    case 'empty':
      return rules.nullable ? { ok: true, value: null } : { ok: false, problem: { key: `${P}required` } };
    case 'invalid':
      return reading.incomplete
        ? { ok: false, problem: { key: `${P}unfinished` }, unfinished: true }
        : { ok: false, problem: { key: `${P}notNumber`, params: { example: 1250.5 } } };
    case 'ambiguous': {
      const fitting = reading.readings.filter((r) => checkLimits(r, rules) === null);
      const first = reading.readings[0];
      if (fitting.length === 0 && first) return { ok: false, problem: limitProblem(checkLimits(first, rules) as LimitProblem) };
      return { ok: false, problem: { key: reading.readings.length > 1 ? `${P}ambiguous` : `${P}otherSeparators`, choices: fitting.map((r) => r.value) } };
    }
    case 'number': {
      const problem = checkLimits(reading, rules);
      return problem ? { ok: false, problem: limitProblem(problem) } : { ok: true, value: reading.value };
    }
  }
}
