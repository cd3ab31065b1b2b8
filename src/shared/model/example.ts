import { createBlank } from './defaults';
import { newId } from './ids';
import { kpiFromCatalog } from './kpiCatalog';
import type { Agreement, Commitment, Language } from './schema';

/**
 * A complete, realistic agreement for a fictional company (Nortia Analytics), built on the methodology's
 * numbers: 500 leads / 200 MQLs / 100 SQLs a month, reps working 200–400 qualified leads and 150–200 MQLs,
 * 8 % MQL conversion, 15 new SQLs a month, a review every 6 months.
 */
export function createExample(lang: Language, now: Date = new Date()): Agreement {
  const t = EXAMPLE_TEXT[lang];
  const a = createBlank(lang, { title: t.title, company: 'Nortia Analytics', now });
  const [lead, mql, sql, opportunity, customer] = a.lifecycle.stages;
  if (!lead || !mql || !sql || !opportunity || !customer) throw new Error('default stages missing');

  const marketingLead = {
    id: newId(),
    name: 'Laura Méndez',
    jobTitle: t.jobs.marketing,
    team: 'marketing',
    email: 'laura.mendez@nortia.example',
    role: 'leader',
    mustSign: true,
  } as const;
  const salesLead = {
    id: newId(),
    name: 'Daniel Ortega',
    jobTitle: t.jobs.sales,
    team: 'sales',
    email: 'daniel.ortega@nortia.example',
    role: 'leader',
    mustSign: true,
  } as const;
  a.participants = [
    marketingLead,
    salesLead,
    { id: newId(), name: 'Sofía Ramírez', jobTitle: t.jobs.sdr, team: 'sales', email: 'sofia.ramirez@nortia.example', role: 'member', mustSign: false },
    { id: newId(), name: 'Marc Vidal', jobTitle: t.jobs.revops, team: 'other', email: 'marc.vidal@nortia.example', role: 'facilitator', mustSign: false },
  ];

  a.icp = { company: t.company, personas: t.personas.map((p) => ({ id: newId(), ...p })) };

  lead.entryCriteria = t.entry.lead;
  mql.entryCriteria = t.entry.mql;
  sql.entryCriteria = t.entry.sql;
  opportunity.entryCriteria = t.entry.opportunity;
  customer.entryCriteria = t.entry.customer;
  a.lifecycle.sqlCriteria = t.sqlCriteria;

  const monthly: Record<string, number> = { [lead.id]: 500, [mql.id]: 200, [sql.id]: 100, [opportunity.id]: 40, [customer.id]: 16 };
  a.goals.targets = a.lifecycle.stages.map((s) => ({ stageId: s.id, monthly: monthly[s.id] ?? null }));
  a.goals.basis = t.basis;
  a.goals.reviewMeeting = { dayOfMonth: 5, description: t.monthlyMeeting };
  a.goals.calculator = {
    revenueGoal: 200_000,
    averageDealSize: 12_500,
    rates: { leadToMql: 40, mqlToSql: 50, sqlToOpportunity: 40, opportunityToCustomer: 40 },
  };

  a.handoff = {
    stageId: sql.id,
    trigger: t.handoff.trigger,
    routing: 'round-robin',
    routingDetails: t.handoff.routing,
    acceptWindowHours: 48,
    owner: t.handoff.owner,
  };

  const commitment = (team: Commitment['team'], description: string, min: number | null, max: number | null, unit: Commitment['unit']): Commitment => ({
    id: newId(),
    team,
    description,
    min,
    max,
    unit,
  });
  a.protocol = {
    firstContactBusinessHours: 4,
    contactAttempts: 6,
    attemptWindowDays: 14,
    channels: ['phone', 'email', 'social'],
    closedLoop: { report: t.closedLoop, frequency: 'weekly' },
    rejection: { reasons: t.rejectionReasons, recycling: t.recycling },
    commitments: [
      commitment('marketing', t.commitments.leads, 500, null, 'per-month'),
      commitment('marketing', t.commitments.mqls, 200, null, 'per-month'),
      commitment('sales', t.commitments.work, 200, 400, 'per-month'),
      commitment('sales', t.commitments.handle, 150, 200, 'per-month'),
      commitment('sales', t.commitments.conversion, 8, null, 'percent'),
      commitment('sales', t.commitments.sqls, 15, null, 'per-month'),
    ],
  };

  a.kpis = [
    kpiFromCatalog('leadToMqlRate', lang, 40),
    kpiFromCatalog('mqlToSqlRate', lang, 50),
    kpiFromCatalog('contactsPerSql', lang, 5),
    kpiFromCatalog('sqlValue', lang, 1_250_000),
    kpiFromCatalog('mqlToSqlDays', lang, 7),
    kpiFromCatalog('mqlToCustomerRate', lang, 8),
    kpiFromCatalog('speedToLead', lang, 90),
  ];

  const firstReview = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 6, 1));
  a.cadence = {
    ...a.cadence,
    months: 6,
    highGrowth: false,
    firstReviewDate: firstReview.toISOString().slice(0, 10),
    participantIds: [marketingLead.id, salesLead.id],
  };
  const effective = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  a.terms = {
    effectiveDate: effective.toISOString().slice(0, 10),
    term: 'months',
    termMonths: 12,
    escalation: { to: t.terms.escalationTo, withinDays: 10, remedy: t.terms.remedy },
    amendmentNotes: t.terms.amendmentNotes,
    confidentiality: { required: true, text: t.terms.confidentiality },
  };
  const today = now.toISOString().slice(0, 10);
  a.decisions = t.decisions.map((text) => ({ id: newId(), date: today, text, owner: 'Marc Vidal' }));
  a.parkingLot = t.parkingLot.map((text) => ({ id: newId(), createdAt: now.toISOString(), text, resolved: false }));
  return a;
}

const EXAMPLE_TEXT = {
  en: {
    title: 'Marketing–Sales SLA 2027',
    jobs: { marketing: 'Head of Marketing', sales: 'VP of Sales', sdr: 'Sales Development Lead', revops: 'Revenue Operations Manager' },
    company: {
      industry: 'Mid-sized retail and e-commerce',
      size: '50–500 employees',
      region: 'Spain, Portugal and Latin America',
      revenueBand: '$10M–$100M annual revenue',
      description:
        'Retailers with several stores or an online shop that already sell through more than one channel and want one view of stock, margins and demand.',
      competition: 'Generic BI suites configured by consultants, spreadsheets maintained by finance, and the reporting modules of their ERP.',
      challenges: 'Data spread across the ERP, the online shop and the stores; weekly reports built by hand; stock-outs discovered too late.',
      goals: 'Cut stock-outs, make margin visible per channel and free the analysts from manual reporting.',
    },
    personas: [
      {
        name: 'Operations Olivia',
        demographics: '35–50, operations or supply-chain director, reports to the CEO.',
        role: 'Owns inventory, replenishment and store performance; signs off tools under $50k a year.',
        priorities: 'Fewer stock-outs, faster replenishment, a weekly view she can trust.',
        pains: 'Reports arrive late and disagree with each other; too much time reconciling numbers.',
        goals: 'Reduce stock-outs by a third within a year.',
        notes: 'Usually finds us through benchmark reports and webinars.',
      },
      {
        name: 'Finance Fernando',
        demographics: '40–55, CFO or finance manager.',
        role: 'Controls budget and approves any new subscription.',
        priorities: 'Margin per channel, predictable costs, a clear return on investment.',
        pains: 'Cannot see margin by channel without a week of spreadsheet work.',
        goals: 'Monthly close in three days instead of eight.',
        notes: 'Joins late in the buying process; needs a business case.',
      },
    ],
    entry: {
      lead: 'Gave us a valid business e-mail through any form, event or content download.',
      mql: 'Fits the ideal profile (retail, 50–500 employees, target region) and reached a lead score of 60, or asked for a demo.',
      sql: 'An SDR call confirmed the four qualification criteria below.',
      opportunity: 'A discovery meeting took place and a decision date is known.',
      customer: 'Contract signed and first invoice issued.',
    },
    sqlCriteria: {
      authority: 'Decides or directly influences the purchase of analytics tools (director level or above, or named by one).',
      need: 'Has a current problem we solve: stock-outs, manual reporting or no margin view per channel.',
      understanding: 'Understands what the platform does and has seen at least an overview of our value proposition.',
      fit: 'Company matches the ideal profile: sector, size, region and systems we integrate with.',
    },
    basis: 'Targets come from the last twelve months in the CRM: 480 leads, 190 MQLs and 92 SQLs a month on average, with a 10 % growth plan.',
    monthlyMeeting: 'Marketing and sales leads meet on that day, once the previous month has closed, to compare actuals with targets and adjust the plan.',
    handoff: {
      trigger: 'The lead reaches SQL status after the SDR qualification call; the CRM changes the lifecycle stage automatically.',
      routing: 'Round-robin among account executives of the lead’s region; the owner gets a CRM task and an e-mail notification.',
      owner: 'Sales Development Lead',
    },
    closedLoop:
      'Every week sales updates the status of each lead received (contacted, accepted, rejected with reason, won or lost) so marketing can tune campaigns.',
    rejectionReasons: ['Not a decision maker', 'No current need', 'Outside the ideal profile', 'Could not be reached after all attempts'],
    recycling: 'Rejected leads go back to marketing with the reason recorded and enter a nurturing sequence; they can be handed off again after 90 days.',
    commitments: {
      leads: 'New leads delivered per month',
      mqls: 'MQLs delivered to sales per month',
      work: 'Qualified leads each rep works per month',
      handle: 'MQLs the sales team handles per month',
      conversion: 'Minimum MQL conversion rate',
      sqls: 'New SQLs each rep produces per month',
    },
    decisions: ['The handoff happens at SQL, after the SDR qualification call.', 'Targets are reviewed monthly; the agreement formally every 6 months.'],
    parkingLot: ['Should partner-referred leads skip the MQL stage?'],
    terms: {
      escalationTo: 'Chief Executive Officer',
      remedy: 'Both leaders present the causes and a recovery plan with dates; the targets are adjusted only if the plan shows they cannot be met.',
      amendmentNotes: 'Changes agreed in a monthly meeting are collected and signed together at the next formal review.',
      confidentiality:
        'Lead lists, CRM exports and conversion figures shared under this agreement stay within the two teams and are not shared with third parties.',
    },
  },
  es: {
    title: 'SLA Marketing–Ventas 2027',
    jobs: {
      marketing: 'Directora de Marketing',
      sales: 'Director Comercial',
      sdr: 'Responsable de Desarrollo de Ventas',
      revops: 'Responsable de Revenue Operations',
    },
    company: {
      industry: 'Retail y comercio electrónico de tamaño medio',
      size: '50–500 empleados',
      region: 'España, Portugal y Latinoamérica',
      revenueBand: '10–100 M€ de facturación anual',
      description: 'Comercios con varias tiendas o tienda online que ya venden por más de un canal y quieren una sola visión de stock, márgenes y demanda.',
      competition: 'Suites de BI genéricas configuradas por consultoras, hojas de cálculo que mantiene finanzas y los módulos de informes del ERP.',
      challenges: 'Datos repartidos entre el ERP, la tienda online y las tiendas físicas; informes semanales hechos a mano; roturas de stock detectadas tarde.',
      goals: 'Reducir roturas de stock, ver el margen por canal y liberar a los analistas de los informes manuales.',
    },
    personas: [
      {
        name: 'Olivia, Operaciones',
        demographics: '35–50 años, directora de operaciones o de cadena de suministro, reporta al CEO.',
        role: 'Responsable de inventario, reposición y rendimiento de tiendas; aprueba herramientas de menos de 50 k€ al año.',
        priorities: 'Menos roturas de stock, reposición más rápida, una visión semanal fiable.',
        pains: 'Los informes llegan tarde y no coinciden entre sí; pierde tiempo cuadrando cifras.',
        goals: 'Reducir las roturas de stock un tercio en un año.',
        notes: 'Suele conocernos por informes comparativos y webinars.',
      },
      {
        name: 'Fernando, Finanzas',
        demographics: '40–55 años, director financiero o responsable de finanzas.',
        role: 'Controla el presupuesto y aprueba cualquier suscripción nueva.',
        priorities: 'Margen por canal, costes previsibles, retorno de la inversión claro.',
        pains: 'No puede ver el margen por canal sin una semana de hojas de cálculo.',
        goals: 'Cerrar el mes en tres días en lugar de ocho.',
        notes: 'Entra tarde en el proceso de compra; necesita un caso de negocio.',
      },
    ],
    entry: {
      lead: 'Nos dejó un correo corporativo válido en un formulario, evento o descarga de contenido.',
      mql: 'Encaja en el perfil ideal (retail, 50–500 empleados, región objetivo) y alcanzó 60 puntos de lead scoring, o pidió una demo.',
      sql: 'Una llamada del SDR confirmó los cuatro criterios de calificación de abajo.',
      opportunity: 'Hubo reunión de descubrimiento y se conoce la fecha de decisión.',
      customer: 'Contrato firmado y primera factura emitida.',
    },
    sqlCriteria: {
      authority: 'Decide o influye directamente en la compra de herramientas de analítica (nivel dirección o designado por ella).',
      need: 'Tiene hoy un problema que resolvemos: roturas de stock, informes manuales o falta de margen por canal.',
      understanding: 'Entiende qué hace la plataforma y conoce al menos a grandes rasgos nuestra propuesta de valor.',
      fit: 'La empresa encaja con el perfil ideal: sector, tamaño, región y sistemas con los que nos integramos.',
    },
    basis: 'Las metas salen de los últimos doce meses del CRM: 480 leads, 190 MQLs y 92 SQLs al mes de media, con un plan de crecimiento del 10 %.',
    monthlyMeeting:
      'Ese día, con el mes anterior ya cerrado, los responsables de marketing y ventas se reúnen para comparar resultados con metas y ajustar el plan.',
    handoff: {
      trigger: 'El lead pasa a SQL tras la llamada de calificación del SDR; el CRM cambia la etapa del ciclo de vida automáticamente.',
      routing: 'Reparto rotatorio entre los comerciales de la región del lead; el responsable recibe una tarea en el CRM y un aviso por correo.',
      owner: 'Responsable de Desarrollo de Ventas',
    },
    closedLoop:
      'Cada semana ventas actualiza el estado de cada lead recibido (contactado, aceptado, rechazado con motivo, ganado o perdido) para que marketing ajuste sus campañas.',
    rejectionReasons: ['No es quien decide', 'Sin necesidad actual', 'Fuera del perfil ideal', 'No se pudo contactar tras todos los intentos'],
    recycling:
      'Los leads rechazados vuelven a marketing con el motivo registrado y entran en una secuencia de nutrición; pueden volver a traspasarse pasados 90 días.',
    commitments: {
      leads: 'Leads nuevos entregados al mes',
      mqls: 'MQLs entregados a ventas al mes',
      work: 'Leads calificados que trabaja cada comercial al mes',
      handle: 'MQLs que gestiona el equipo de ventas al mes',
      conversion: 'Tasa mínima de conversión de MQLs',
      sqls: 'SQLs nuevos que genera cada comercial al mes',
    },
    decisions: [
      'El traspaso se hace en SQL, después de la llamada de calificación del SDR.',
      'Las metas se revisan cada mes; el acuerdo, formalmente cada 6 meses.',
    ],
    parkingLot: ['¿Los leads que llegan por partners deberían saltarse la etapa MQL?'],
    terms: {
      escalationTo: 'Dirección General',
      remedy:
        'Ambos responsables exponen las causas y un plan de recuperación con fechas; las metas solo se ajustan si el plan demuestra que no pueden cumplirse.',
      amendmentNotes: 'Los cambios que se acuerden en las reuniones mensuales se reúnen y se firman juntos en la siguiente revisión formal.',
      confidentiality:
        'Los listados de leads, las exportaciones del CRM y las cifras de conversión que se comparten por este acuerdo no salen de los dos equipos ni se entregan a terceros.',
    },
  },
} satisfies Record<Language, unknown>;
