/** The month × stage grid of figures (typed or imported). Built by the figures task (h16). */
export function FiguresPanel() {
  return null;
}
