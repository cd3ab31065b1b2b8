/**
 * Los resultados mensuales de un acuerdo: las cifras por mes, la revisión del mes y la importación de CSV.
 * Las claves deben coincidir con en/results.ts (un test las compara).
 */
export const results = {
  open: 'Resultados mensuales',
  back: 'Volver a los acuerdos',
  openWorkshop: 'Abrir el taller',
  title: 'Resultados mensuales',
  intro:
    'Comprueba, mes a mes, si ambos equipos cumplen el acuerdo. Estas cifras son comunes a todas las versiones del acuerdo y nunca cambian lo que se firmó.',
  tabs: { label: 'Partes de los resultados mensuales', figures: 'Cifras por mes', review: 'Revisión mensual', import: 'Importar de un archivo CSV' },
  save: {
    saved: 'Todas las cifras guardadas',
    savedAt: 'Todas las cifras guardadas a las {{time}}',
    pending: 'Cambios aún sin guardar…',
    saving: 'Guardando…',
    failed: 'Sin guardar: {{reason}}',
    retry: 'Reintentar',
  },
  loadFailed: 'No se pudieron leer las cifras mensuales: {{reason}}',
  reload: 'Reintentar',
  figures: {
    intro:
      'Escribe o corrige las cifras de cada mes: se guardan mientras escribes. Una celda vacía significa «sin introducir», nunca cero. Bajo cada cifra aparece el objetivo que fija el acuerdo.',
    gridLabel: 'Cifras por mes',
    month: 'Mes',
    addNext: 'Añadir {{month}}',
    pickMonth: 'Añadir otro mes',
    pickMonthPlaceholder: 'Elige un mes',
    moreFigures: 'Más cifras',
    customKpi: 'KPI propio',
    unnamedStage: 'Etapa sin nombre',
    unnamedKpi: 'KPI sin nombre',
    fixedStage: { lead: 'Leads', mql: 'MQLs', sql: 'SQLs', opportunity: 'Oportunidades', customer: 'Clientes' },
    columns: {
      revenue: 'Ingresos ({{currency}})',
      medianHoursToFirstContact: 'Mediana de horas hasta el primer contacto',
      pctContactedWithinSla: '% contactados dentro del plazo del SLA',
      pctContactedWithinHours_one: '% contactados en {{count}} hora',
      pctContactedWithinHours_other: '% contactados en {{count}} horas',
      rejected: 'Leads rechazados',
      contacts: 'Contactos creados',
      mqlsThatBecameSql: 'MQLs que pasaron a SQL',
      sqlValue: 'Valor de los SQLs ({{currency}})',
      medianHoursMqlToSql: 'Mediana de horas de MQL a SQL',
      pctWithRequiredAttempts: '% con los intentos exigidos',
    },
    target: { atLeast: 'objetivo ≥ {{value}}', atMost: 'objetivo ≤ {{value}}', plain: 'objetivo {{value}}' },
    verdict: { met: 'alcanzado', missed: 'no alcanzado' },
    imported: 'Importado de {{file}} el {{date}}',
    invalid_one: '{{count}} cifra no está guardada: su texto aún no es un número válido. Corrígela en la celda marcada en rojo.',
    invalid_other: '{{count}} cifras no están guardadas: su texto aún no es un número válido. Corrígelas en las celdas marcadas en rojo.',
    empty: 'Todavía no hay cifras. Añade un mes para escribir las suyas, o impórtalas de un archivo CSV.',
    keyboardHint: 'Tab y Mayús+Tab recorren un mes; Intro baja al mes siguiente y Mayús+Intro sube.',
    remove: {
      button: 'Quitar las cifras de {{month}}',
      title: '¿Quitar las cifras de {{month}}?',
      body: 'Se quitarán de todas las versiones de este acuerdo todas las cifras escritas o importadas para {{month}}. No se puede deshacer.',
      bodyKeepsNotes:
        'Se quitarán de todas las versiones de este acuerdo todas las cifras escritas o importadas para {{month}}. Las notas y decisiones de su revisión mensual se conservan.',
      cancel: 'Cancelar',
      confirm: 'Quitar las cifras',
    },
  },
};
