export const common = {
  appName: 'SLA Workshop',
  language: { es: 'Español', en: 'Inglés' },
  steps: {
    participants: 'Participantes',
    icp: 'Cliente ideal y buyer personas',
    lifecycle: 'Etapas del ciclo de vida',
    goals: 'Metas',
    handoff: 'Traspaso',
    protocol: 'Protocolo de gestión de leads',
    kpis: 'KPIs',
    cadence: 'Calendario de revisión',
    review: 'Revisar y firmar',
  },
  teams: { marketing: 'Marketing', sales: 'Ventas', other: 'Otro' },
  status: { draft: 'Borrador', signed: 'Firmado', superseded: 'Reemplazado' },
  /** Una versión que alguien firmó y a la que aún le faltan firmas: nunca solo «Firmado». */
  statusAwaiting_one: 'Pendiente de firma ({{signed}} de {{count}})',
  statusAwaiting_other: 'Pendiente de firmas ({{signed}} de {{count}})',
  statusAwaiting_many: 'Pendiente de firmas ({{signed}} de {{count}})',
  device: { default: 'Este portátil' },
};
