import type { CoreEventMap } from '../../shared/api/events';

export type CoreEventName = keyof CoreEventMap;
export type CoreEventListener<K extends CoreEventName> = (payload: CoreEventMap[K]) => void;

export interface CoreEvents {
  /** Listens to one event; returns the function that stops listening. */
  on<K extends CoreEventName>(name: K, listener: CoreEventListener<K>): () => void;
  emit<K extends CoreEventName>(name: K, payload: CoreEventMap[K]): void;
  /** Whether anyone listens (the CLI and browser mode do not: their writes then cost nothing extra). */
  listened(name: CoreEventName): boolean;
}

/**
 * A small typed emitter. A listener that throws never reaches the write that caused the event (it has
 * already been committed) nor the other listeners.
 */
export function createCoreEvents(onListenerError: (error: unknown) => void = () => undefined): CoreEvents {
  const listeners = new Map<CoreEventName, Set<(payload: never) => void>>();
  return {
    on(name, listener) {
      const set = listeners.get(name) ?? new Set();
      listeners.set(name, set);
      set.add(listener as (payload: never) => void);
      return () => void set.delete(listener as (payload: never) => void);
    },
    listened: (name) => (listeners.get(name)?.size ?? 0) > 0,
    emit(name, payload) {
      for (const listener of [...(listeners.get(name) ?? [])]) {
        try {
          (listener as (payload: CoreEventMap[typeof name]) => void)(payload);
        } catch (error) {
          onListenerError(error);
        }
      }
    },
  };
}
