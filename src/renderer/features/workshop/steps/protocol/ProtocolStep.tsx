/** The form of this step (to be built). */
export function ProtocolStep() {
  return null;
}
