import { STEP_IDS } from '../../shared/model/schema';

/** The workshop's screens: the seven steps after Participants, then the review of the whole agreement. */
export const WORKSHOP_STEPS = [...STEP_IDS, 'review'] as const;
export type WorkshopStep = (typeof WORKSHOP_STEPS)[number];

export function isWorkshopStep(value: string): value is WorkshopStep {
  return (WORKSHOP_STEPS as readonly string[]).includes(value);
}

/** The screens the hash can point at; a hash route survives a reload and needs no server support. */
export type Route = { name: 'home' } | { name: 'trash' } | { name: 'settings' } | { name: 'workshop'; id: string; step: WorkshopStep };

const MAX_ID_LENGTH = 64;

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  if (path === '/trash') return { name: 'trash' };
  if (path === '/settings') return { name: 'settings' };
  const match = /^\/agreements\/([^/]+)(?:\/([a-z]+))?\/?$/.exec(path);
  if (match?.[1]) {
    const step = match[2] && isWorkshopStep(match[2]) ? match[2] : 'participants';
    let id: string;
    try {
      id = decodeURIComponent(match[1]);
    } catch {
      return { name: 'home' };
    }
    if (id.length > 0 && id.length <= MAX_ID_LENGTH) return { name: 'workshop', id, step };
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
  }
}

export function sameRoute(a: Route, b: Route): boolean {
  return formatRoute(a) === formatRoute(b);
}
