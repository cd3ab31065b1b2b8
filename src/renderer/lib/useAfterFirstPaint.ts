import { useDeferredValue } from 'react';

/**
 * False in a component's first render, true from a background render React starts right after that first
 * render is committed (and true from then on). Opening a screen can then show what is in view at once and
 * mount what lies below it a moment later, in a render that yields to the user's keys and clicks: the screen
 * is interactive before all of it exists. Later renders are not deferred, so an item added afterwards
 * appears (and can take focus) in the same render.
 */
export function useAfterFirstPaint(): boolean {
  return useDeferredValue(true, false);
}
