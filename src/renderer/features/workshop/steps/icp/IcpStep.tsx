/** The form of this step (to be built). */
export function IcpStep() {
  return null;
}
