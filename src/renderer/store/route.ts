/** The screens the hash can point at; a hash route survives a reload and needs no server support. */
export type Route = { name: 'home' } | { name: 'trash' } | { name: 'workshop'; id: string };

const MAX_ID_LENGTH = 64;

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  if (path === '/trash') return { name: 'trash' };
  const match = /^\/agreements\/([^/]+)\/?$/.exec(path);
  if (match?.[1]) {
    let id: string;
    try {
      id = decodeURIComponent(match[1]);
    } catch {
      return { name: 'home' };
    }
    if (id.length > 0 && id.length <= MAX_ID_LENGTH) return { name: 'workshop', id };
  }
  return { name: 'home' };
}

export function formatRoute(route: Route): string {
  switch (route.name) {
    case 'home':
      return '#/';
    case 'trash':
      return '#/trash';
    case 'workshop':
      return `#/agreements/${encodeURIComponent(route.id)}`;
  }
}

export function sameRoute(a: Route, b: Route): boolean {
  return formatRoute(a) === formatRoute(b);
}
