/** The form of this step (to be built). */
export function KpisStep() {
  return null;
}
