import type { StateCreator } from 'zustand';
import { formatRoute, parseRoute, sameRoute, type Route } from './route';
import type { AppState, AppMiddlewares } from './appState';

export interface NavigationSlice {
  route: Route;
  /** Changes the hash (so the browser history and reloads follow) and the route at once. */
  navigate(route: Route): void;
  /** Called on `hashchange`: back/forward buttons and hand-edited URLs land here. */
  syncRouteFromHash(hash: string): void;
}

function initialRoute(): Route {
  return typeof window === 'undefined' ? { name: 'home' } : parseRoute(window.location.hash);
}

export const createNavigationSlice: StateCreator<AppState, AppMiddlewares, [], NavigationSlice> = (set, get) => ({
  route: initialRoute(),
  navigate(route) {
    if (typeof window !== 'undefined' && window.location.hash !== formatRoute(route)) window.location.hash = formatRoute(route);
    if (!sameRoute(get().route, route)) set({ route });
  },
  syncRouteFromHash(hash) {
    const route = parseRoute(hash);
    if (!sameRoute(get().route, route)) set({ route });
  },
});
