export const goals = {
  guide: {
    title: 'Metas apoyadas en sus números reales',
    body: 'Acuerden cuántos contactos debe alcanzar cada etapa del embudo cada mes: como mínimo leads, MQLs y SQLs. Marketing (y el equipo de desarrollo de ventas, si lo hay) responde del volumen de leads y de los SQLs que pone en manos de ventas.\n\nNo elijan las cifras a ojo. Partan de lo que produjeron de verdad los últimos meses, de la experiencia de cada equipo y de cuántos leads generan hoy. La calculadora recorre el embudo al revés desde los ingresos que necesitan y muestra si su histórico les permite llegar.\n\nTodos los que firman el acuerdo se reúnen una vez al mes para comparar los resultados con estas metas y ajustarlas.',
  },
  targets: {
    title: 'Metas mensuales',
    description: 'Cuántos contactos debe alcanzar cada etapa cada mes.',
    stage: 'Etapa',
    owner: 'Responsable',
    monthly: 'Meta mensual',
    calculator: 'Calculadora',
    inputLabel: 'Meta mensual de {{stage}}',
    optional: 'opcional',
    noStages: 'Todavía no hay etapas del ciclo de vida. Defínelas antes en el paso del ciclo de vida.',
  },
  basis: {
    label: 'En qué se basan las metas',
    description: 'Los datos históricos que respaldan estas cifras: periodo, fuente, medias, crecimiento previsto.',
    placeholder: 'p. ej. datos del CRM de los últimos 12 meses: 480 leads, 190 MQLs y 92 SQLs al mes de media, más un 10 % de crecimiento.',
  },
  warnings: {
    title: 'Revisen estas metas',
    laterLarger: 'La meta de «{{later}}» ({{laterValue}}) es mayor que la de «{{earlier}}» ({{earlierValue}}), que va antes en el embudo.',
    rateOver100: 'La meta de «{{to}}» es mayor que la de «{{from}}»: supondría convertir el {{rate}} de ellos, y ninguna etapa puede convertir más del 100 %.',
    farFromCalculator:
      'La meta de «{{stage}}» ({{target}}) se aleja más de un 20 % de lo que la calculadora dice que necesita el objetivo de ingresos ({{expected}}).',
    rateFar: 'De «{{from}}» a «{{to}}» las metas suponen una conversión del {{implied}}, a más de 10 puntos del {{entered}} indicado en la calculadora.',
  },
  calculator: {
    title: 'Calculadora del embudo inverso',
    intro:
      'Partan de los ingresos que necesitan cada mes. Divididos por el tamaño medio de venta dan los clientes necesarios; las tasas de conversión de su histórico dicen después cuántos contactos de cada etapa anterior hacen falta.',
    revenueGoal: 'Objetivo de ingresos al mes',
    averageDealSize: 'Tamaño medio de venta',
    ratesTitle: 'Tasas de conversión de su histórico',
    rates: {
      leadToMql: 'Lead → MQL',
      mqlToSql: 'MQL → SQL',
      sqlToOpportunity: 'SQL → oportunidad',
      opportunityToCustomer: 'Oportunidad → cliente',
    },
    resultsTitle: 'Lo que necesita el objetivo de ingresos cada mes',
    stages: {
      lead: 'Leads',
      mql: 'MQLs',
      sql: 'SQLs',
      opportunity: 'Oportunidades',
      customer: 'Clientes',
    },
    missingFields: 'Para ver las cifras, introduce: {{fields}}.',
    zeroDealSize: 'El tamaño medio de venta es 0: ningún número de clientes suma el objetivo de ingresos. Introduce el valor medio de una venta ganada.',
    zeroRate:
      'La tasa {{rate}} es cero: ningún número de contactos anteriores llegaría a producir uno en la etapa siguiente, así que el embudo no se puede recorrer hacia atrás. Introduce la tasa que muestra su histórico.',
    tooLarge:
      'El objetivo de ingresos necesitaría más de {{max}} {{stage}} al mes, más de lo que admite una meta mensual. Revisa el objetivo de ingresos, el tamaño medio de venta y las tasas.',
    tooLargeCustom:
      'El objetivo de ingresos necesitaría más de {{max}} al mes en «{{stage}}», más de lo que admite una meta mensual. Revisa su meta y las tasas.',
    outOfRange: 'El valor de «{{field}}» está fuera de rango; corrígelo arriba.',
    rateIn: 'llega el {{rate}}',
    rateInImpossible: 'llega el {{rate}}: imposible, revisa su meta',
    rateOut: 'avanza el {{rate}}',
    customNoTarget: 'Necesita una meta mensual',
    customNoReference: 'Necesita la meta de una etapa vecina',
    customNote:
      'Las etapas propias no tienen una tasa de conversión propia: cada una mantiene la proporción entre su meta mensual y la meta de la siguiente etapa por defecto (la anterior, al final del embudo). Las tasas de entrada y salida se deducen de ahí.',
    apply: 'Aplicar a las metas',
    applyHint: 'Copia estas cifras en las metas mensuales de arriba. Deshacer lo revierte en un solo paso.',
    applied: 'Las metas mensuales coinciden con la calculadora.',
    notInStages: 'No es una etapa de este acuerdo; no se copia.',
  },
  meeting: {
    title: 'Reunión mensual de seguimiento',
    day: 'Día del mes',
    dayDescription: 'Del 1 al 28, para que el día exista todos los meses.',
    description: 'Cómo funciona la reunión',
    descriptionHelp: 'Quién asiste, qué se compara y cómo se ajustan las metas.',
    placeholder:
      'p. ej. Los responsables de marketing y ventas se reúnen el día 5 para comparar los resultados del mes anterior con las metas y ajustar el plan.',
  },
};
