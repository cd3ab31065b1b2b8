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
};
