/** Whether the projector-friendly presentation mode is on (built in features/facilitation). */
export function usePresentationMode(): boolean {
  return false;
}
