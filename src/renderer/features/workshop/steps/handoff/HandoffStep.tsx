/** The form of this step (to be built). */
export function HandoffStep() {
  return null;
}
