/** The form of this step (to be built). */
export function ParticipantsStep() {
  return null;
}
