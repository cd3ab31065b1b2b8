export const participants = {
  guide: {
    title: 'Reúne a las personas adecuadas',
    body: 'Un acuerdo entre marketing y ventas solo se sostiene si lo construyen juntos quienes dirigen ambos equipos. Antes que nada, anota quién está presente: como mínimo una persona líder de marketing y otra de ventas, además de quienes harán funcionar el acuerdo en el día a día.\n\nAprovecha la sesión para hablar con franqueza de roles, responsabilidades, procesos y objetivos. Quienes firman al final comprometen a sus equipos: asegúrate de que estén en la sala y no solo informados después.',
  },
  agreement: {
    title: 'El acuerdo',
    name: {
      label: 'Título del acuerdo',
      placeholder: 'SLA Marketing–Ventas 2027',
      required: 'El acuerdo necesita un título. Se mantiene el anterior hasta que escribas uno nuevo.',
    },
    company: { label: 'Empresa', placeholder: 'Nortia Analytics' },
    language: { label: 'Idioma del acuerdo', description: 'Se eligió al crear el acuerdo; el documento se redacta en este idioma.' },
    currency: { label: 'Moneda', description: 'Se usa en las metas de ingresos, el tamaño de los negocios y el valor de los leads.' },
  },
  people: {
    title: 'Quién participa',
    intro: 'Todas las personas del taller. Quienes lideran y firman comprometen a sus equipos con el acuerdo.',
    list: 'Participantes',
    add: 'Agregar participante',
    empty: 'Todavía no hay nadie. Empieza por quien lidera marketing y quien lidera ventas: son quienes firman.',
  },
  itemN: 'Participante {{n}}',
  fields: {
    name: { label: 'Nombre', placeholder: 'Laura Méndez' },
    jobTitle: { label: 'Cargo', placeholder: 'Directora de Marketing' },
    email: {
      label: 'Correo electrónico',
      placeholder: 'laura.mendez@empresa.com',
      invalid: 'Esto todavía no parece una dirección de correo. Se guardará cuando esté completa.',
    },
    team: { label: 'Equipo' },
    role: { label: 'Rol' },
    mustSign: { label: 'Firma el acuerdo' },
  },
  roles: { leader: 'Líder', member: 'Miembro', facilitator: 'Facilitador/a' },
  signers: {
    marketingOk: 'Líder de marketing que firma: {{names}}',
    marketingMissing: 'Aún no firma ningún líder de marketing; el acuerdo lo necesita.',
    salesOk: 'Líder de ventas que firma: {{names}}',
    salesMissing: 'Aún no firma ningún líder de ventas; el acuerdo lo necesita.',
    unnamed: '(sin nombre todavía)',
  },
};
