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
};
