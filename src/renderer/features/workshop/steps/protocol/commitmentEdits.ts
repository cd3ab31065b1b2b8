import type { Draft } from 'immer';
import { newId } from '../../../../../shared/model/ids';
import type { Agreement, Commitment } from '../../../../../shared/model/schema';

/**
 * Commitments live in one list but are shown grouped by team, so "move up" means: swap with the previous
 * commitment of the same team, wherever it sits in the list.
 */
export function swapCommitments(draft: Draft<Agreement>, a: number, b: number): void {
  const items = [...draft.protocol.commitments];
  const first = items[a];
  const second = items[b];
  if (!first || !second) return;
  items[a] = second;
  items[b] = first;
  draft.protocol.commitments = items;
}

export function addCommitment(draft: Draft<Agreement>, team: Commitment['team']): void {
  draft.protocol.commitments.push({ id: newId(), team, description: '', min: null, max: null, unit: 'per-month' });
}

export function removeCommitment(draft: Draft<Agreement>, index: number): void {
  draft.protocol.commitments.splice(index, 1);
}
