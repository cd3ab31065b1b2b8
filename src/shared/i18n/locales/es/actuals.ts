/**
 * Importación CSV de los datos reales mensuales y los KPIs del mes: por qué se detuvo una importación,
 * por qué se descartó una fila y cómo está un KPI o un compromiso. Las claves deben coincidir con en/actuals.ts.
 */
export const actuals = {
  error: {
    empty_file: 'El archivo está vacío.',
    no_header: 'El archivo no tiene fila de encabezado: la primera línea debe dar nombre a las columnas.',
    no_mapping_fits:
      'Ninguna correspondencia de columnas encaja con este archivo (sus primeras columnas: {{columns}}). Elige el CRM del que procede o crea una correspondencia; no se ha importado nada.',
    mapping_columns_missing: 'La correspondencia «{{mapping}}» necesita columnas que este archivo no tiene: {{missing}}. No se ha importado nada.',
    invalid_mapping: 'No se puede usar este archivo de correspondencia: {{problem}}',
    ambiguous_dates: 'Con estas fechas no se distingue el día del mes (por ejemplo, «{{example}}»). Indica si son día/mes o mes/día y vuelve a importar.',
    inconsistent_dates: 'El archivo mezcla fechas día/mes («{{dmy}}») y mes/día («{{mdy}}»). Elige un orden y vuelve a importar.',
    encoding_mismatch: 'Parte del archivo no es UTF-8 válido. Vuelve a importarlo como {{encoding}} (Windows occidental).',
    record_too_large:
      'El registro que empieza en la línea {{line}} no termina nunca (más de {{limit}} caracteres): probablemente falta cerrar unas comillas. No se ha importado nada.',
    invalid_time_zone: '«{{zone}}» no es una zona horaria. Usa un nombre como Europe/Madrid o America/Mexico_City.',
    invalid_period: 'El periodo de {{from}} a {{to}} no es válido.',
    cancelled: 'Importación cancelada. No se ha cambiado nada.',
  },
  reason: {
    bad_date: 'No es una fecha',
    ambiguous_date: 'Fecha que puede ser día/mes o mes/día',
    negative_amount: 'Importe negativo',
    bad_amount: 'No es un importe',
    bad_number: 'No es un número entero',
    dates_out_of_order: 'Fechas de etapa desordenadas',
    column_count: 'Número de columnas incorrecto',
    bad_quotes: 'Comillas sin cerrar',
    duplicate_record: 'El mismo registro aparece dos veces',
  },
  badRow: 'Línea {{line}}: {{reason}}',
  badRowColumn: 'Línea {{line}}: {{reason}} en «{{column}}» («{{value}}»)',
  badRowsMore_one: '…y {{count}} fila descartada más que no se muestra.',
  badRowsMore_other: '…y {{count}} filas descartadas más que no se muestran.',
  badRowsMore_many: '…y {{count}} de filas descartadas más que no se muestran.',
  monthsCovered_one: 'Esta importación sustituye las cifras de {{count}} mes: {{months}}.',
  monthsCovered_other: 'Esta importación sustituye las cifras de {{count}} meses: {{months}}.',
  monthsCovered_many: 'Esta importación sustituye las cifras de {{count}} de meses: {{months}}.',
  kpiStatus: {
    met: 'Cumplido',
    missed: 'No cumplido',
    'no-data': 'Sin datos',
    'no-target': 'Sin objetivo',
  },
  compliance: {
    met: 'Cumplido',
    missed: 'No cumplido',
    'no-data': 'Sin datos',
  },
} as const;
