import type { AgreementsSlice } from './agreementsSlice';
import type { NavigationSlice } from './navigationSlice';
import type { PreferencesSlice } from './preferencesSlice';
import type { WorkshopSlice } from '../features/workshop/state/workshopSlice';
import type { FacilitationSlice } from '../features/facilitation/state/facilitationSlice';
import type { FieldDraftsSlice } from '../features/workshop/state/fieldDrafts';

/** The whole UI state: agreements themselves live in SQLite, this only holds what the screens show. */
export type AppState = PreferencesSlice & AgreementsSlice & NavigationSlice & WorkshopSlice & FacilitationSlice & FieldDraftsSlice;

/** Middlewares wrapping the store, so each slice's `set` is typed like the final store's. */
export type AppMiddlewares = [['zustand/persist', unknown]];
