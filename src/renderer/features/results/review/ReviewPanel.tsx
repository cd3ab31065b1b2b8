/** The month's review against the agreement. Built by the review task (h19). */
export function ReviewPanel() {
  return null;
}
