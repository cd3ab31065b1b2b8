/** The form of this step (to be built). */
export function LifecycleStep() {
  return null;
}
