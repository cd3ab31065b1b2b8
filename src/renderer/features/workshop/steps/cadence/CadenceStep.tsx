/** The form of this step (to be built). */
export function CadenceStep() {
  return null;
}
