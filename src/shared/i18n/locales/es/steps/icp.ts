export const icp = {
  guide: {
    title: 'Primero, el cliente ideal',
    body: 'Todo lo demás del acuerdo se apoya en una imagen compartida del cliente ideal. Si queda difusa, cada equipo apunta sin decirlo a un público distinto, y ninguna definición ni meta posterior lo arregla.\n\nDescribe primero la empresa ideal: a qué se dedica, su tamaño y su mercado, con qué alternativas te compara, qué le frena y qué quiere conseguir. Después, las personas que dentro de ella compran o influyen en la decisión: de qué son responsables, qué les importa y qué les preocupa.\n\nMuchos equipos se saltan este paso. Dedícale tiempo: cuanto mejor conozcan ambos equipos a estas personas, más fácil será llegar a las que de verdad interesan.',
  },
  company: {
    title: 'La empresa ideal',
    intro: 'El tipo de organización al que ambos equipos acuerdan dirigirse.',
    industry: { label: 'Sector', placeholder: 'Retail y comercio electrónico de tamaño medio' },
    size: { label: 'Tamaño de la empresa', placeholder: '50–500 empleados' },
    region: { label: 'Región', placeholder: 'España, Portugal y Latinoamérica' },
    revenueBand: { label: 'Facturación anual', placeholder: '10–100 M€' },
    description: {
      label: 'Perfil ideal',
      help: 'Qué hace que una empresa encaje de verdad con tu oferta, en pocas frases.',
      placeholder: 'Comercios con varias tiendas o tienda online que venden por más de un canal…',
    },
    competition: { label: 'Competencia', placeholder: 'Suites de BI genéricas, hojas de cálculo de finanzas, los informes del propio ERP…' },
    challenges: { label: 'Desafíos de la empresa', placeholder: 'Datos repartidos entre sistemas, informes hechos a mano, roturas de stock detectadas tarde…' },
    goals: { label: 'Objetivos de la empresa', placeholder: 'Menos roturas de stock, margen visible por canal, analistas sin informes manuales…' },
  },
  personas: {
    title: 'Buyer personas',
    intro: 'Las personas que compran, deciden o influyen en la compra. Una tarjeta por cada una.',
    list: 'Buyer personas',
    add: 'Agregar buyer persona',
    itemN: 'Buyer persona {{n}}',
    empty: 'Todavía no hay buyer personas. Empieza por quien suele firmar la compra.',
  },
  persona: {
    name: { label: 'Nombre del buyer persona', placeholder: 'Olivia, Operaciones' },
    demographics: { label: 'Datos demográficos', placeholder: '35–50 años, directora de operaciones, reporta al CEO' },
    role: { label: 'Rol y responsabilidades', placeholder: 'Responsable de inventario y reposición; aprueba herramientas de menos de 50 k€ al año.' },
    priorities: { label: 'Prioridades', placeholder: 'Menos roturas de stock, una visión semanal fiable.' },
    pains: { label: 'Problemas y desafíos', placeholder: 'Los informes llegan tarde y no coinciden entre sí.' },
    goals: { label: 'Objetivos', placeholder: 'Reducir las roturas de stock un tercio en un año.' },
    notes: { label: 'Notas', placeholder: 'Dónde te encuentra, quién más participa en la decisión…' },
  },
};
