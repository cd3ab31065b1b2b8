import { STEP_IDS } from '../../shared/model/schema';

/** The workshop's screens: the seven steps after Participants, then the review of the whole agreement. */
export const WORKSHOP_STEPS = [...STEP_IDS, 'review'] as const;
export type WorkshopStep = (typeof WORKSHOP_STEPS)[number];

export function isWorkshopStep(value: string): value is WorkshopStep {
  return (WORKSHOP_STEPS as readonly string[]).includes(value);
}

/** The parts of an agreement's monthly results: the figures by month, the month's review, a CSV import. */
export const RESULTS_VIEWS = ['figures', 'review', 'import'] as const;
export type ResultsView = (typeof RESULTS_VIEWS)[number];

function isResultsView(value: string): value is ResultsView {
  return (RESULTS_VIEWS as readonly string[]).includes(value);
}

/** The screens the hash can point at; a hash route survives a reload and needs no server support. */
export type Route =
  | { name: 'home' }
  | { name: 'trash' }
  | { name: 'settings' }
  | { name: 'workshop'; id: string; step: WorkshopStep }
  | { name: 'results'; id: string; view: ResultsView };

const MAX_ID_LENGTH = 64;

/** The agreement id of a hash, or null when it is malformed or oversized. */
function decodedId(raw: string): string | null {
  let id: string;
  try {
    id = decodeURIComponent(raw);
  } catch {
    return null;
  }
  return id.length > 0 && id.length <= MAX_ID_LENGTH ? id : null;
}

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  if (path === '/trash') return { name: 'trash' };
  if (path === '/settings') return { name: 'settings' };
  const results = /^\/agreements\/([^/]+)\/results(?:\/([a-z]+))?\/?$/.exec(path);
  if (results?.[1]) {
    const id = decodedId(results[1]);
    if (id === null) return { name: 'home' };
    return { name: 'results', id, view: results[2] && isResultsView(results[2]) ? results[2] : 'figures' };
  }
  const match = /^\/agreements\/([^/]+)(?:\/([a-z]+))?\/?$/.exec(path);
  if (match?.[1]) {
    const id = decodedId(match[1]);
    if (id === null) return { name: 'home' };
    return { name: 'workshop', id, step: match[2] && isWorkshopStep(match[2]) ? match[2] : 'participants' };
  }
  return { name: 'home' };
}

export function formatRoute(route: Route): string {
  switch (route.name) {
    case 'home':
      return '#/';
    case 'trash':
      return '#/trash';
    case 'settings':
      return '#/settings';
    case 'workshop':
      return `#/agreements/${encodeURIComponent(route.id)}/${route.step}`;
    case 'results':
      return `#/agreements/${encodeURIComponent(route.id)}/results/${route.view}`;
  }
}

export function sameRoute(a: Route, b: Route): boolean {
  return formatRoute(a) === formatRoute(b);
}
