export const cadence = {
  guide: {
    title: 'Una fecha fija para revisar el acuerdo',
    body: 'Decidan ahora cada cuánto van a detenerse a revisar el acuerdo a fondo: los supuestos en los que se apoya, los procesos y las metas. Para la mayoría de las empresas basta con una vez cada seis meses.\n\nSi la empresa crece muy rápido, háganlo cada dos meses: el mercado, el equipo y las cifras cambian demasiado deprisa para esperar más.\n\nLa reunión mensual de resultados se sigue celebrando mientras tanto. En la revisión formal es donde cambia el propio acuerdo y se firma una nueva versión.',
  },
  rhythm: {
    title: 'Cada cuánto',
    months: 'Meses entre revisiones formales',
    monthsHelp: 'Cada 6 meses basta para la mayoría de las empresas.',
    highGrowth: 'Empresa de alto crecimiento',
    highGrowthHelp: 'Revisar cada 2 meses en lugar de 6. Al activarlo se ajusta el intervalo.',
    firstReviewDate: 'Primera revisión formal',
    weekend: '{{date}}. Cae en fin de semana: el calendario pasa la revisión al {{moved}}.',
  },
  participants: {
    label: 'Quién participa',
    help: 'Las personas que llevan a cabo la revisión formal.',
    none: 'Todavía no hay participantes. Agrégalos en el paso de participantes y luego elígelos aquí.',
    unnamed: 'Participante {{n}} (aún sin nombre)',
  },
  agenda: {
    label: 'Agenda de la revisión',
    help: 'Lo que repasa cada revisión formal, en orden.',
    item: 'Punto {{n}} de la agenda',
    add: 'Agregar punto a la agenda',
    empty: 'Todavía no hay puntos en la agenda.',
  },
  calendar: {
    title: 'Calendario',
    reviews: 'Próximas revisiones formales',
    reviewsHint: 'Indica la fecha de la primera revisión formal para ver las siguientes.',
    meetings: 'Próximas reuniones mensuales',
    meetingsHint: 'Indica el día de la reunión mensual en el paso de metas para ver estas fechas.',
    goToDay: 'Indicar el día',
    moved: '(trasladada desde el {{weekday}})',
  },
};
