/** The CSV import. Built by the import task (h17). */
export function ImportPanel(_props: { onShowFigures: () => void }) {
  return null;
}
