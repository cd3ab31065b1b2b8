/** The form of this step (to be built). */
export function GoalsStep() {
  return null;
}
