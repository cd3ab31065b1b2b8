import type { PersistStorage, StorageValue } from 'zustand/middleware';
import { shallow } from 'zustand/shallow';

/**
 * zustand's persist middleware writes the persisted part of the state on EVERY `set`, whatever changed: each
 * keystroke in the workshop (a new draft) would serialise the preferences and write them to localStorage on
 * the way to the screen. This wrapper writes only when a persisted field (compared one by one, by identity)
 * or the version changed since the last write through it.
 */
export function changedOnlyStorage<S>(inner: PersistStorage<S> | undefined): PersistStorage<S> | undefined {
  if (!inner) return undefined;
  let last: StorageValue<S> | null = null;
  return {
    getItem: (name) => inner.getItem(name),
    setItem(name, value) {
      if (last && last.version === value.version && shallow(last.state, value.state)) return;
      inner.setItem(name, value);
      last = value;
    },
    removeItem(name) {
      last = null;
      inner.removeItem(name);
    },
  };
}
