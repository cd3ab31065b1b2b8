export const review = {
  guide: {
    title: 'Antes de que alguien firme',
    body: 'Lean el acuerdo completo juntos, paso a paso. Cada punto abierto de abajo lleva al campo que lo resuelve.\n\nUn acuerdo que ambos líderes pueden defender vale más que uno que solo parece completo: si una cifra o una definición aún genera debate, apárquenla, acuerden cómo lo van a decidir y vuelvan sobre ella.',
  },
  progress: '{{done}} de {{total}} pasos completos',
  ready: 'Listo para firmar',
  notReady: '{{n}} puntos abiertos',
};
