export const protocol = {
  guide: {
    title: 'Acuerda cómo se trata cada lead',
    body: 'La queja más habitual es que el otro equipo no sabe gestionar los leads. Este paso la elimina: cada lead puede acabar siendo cliente, así que hay que acordar cuándo, cómo y cuántas veces lo contacta ventas, y por qué canales.\n\nCierra el ciclo: ventas cuenta a marketing qué pasó con cada lead recibido, para que las campañas mejoren en lugar de repetir errores. Acuerda también qué ocurre cuando ventas rechaza un lead: los motivos aceptados y cómo vuelve a marketing para seguir nutriéndolo.\n\nTermina con cifras que cada equipo pueda cumplir y que se le puedan pedir: cuántos leads calificados entrega marketing y cuántos trabaja y convierte cada comercial al mes.',
  },
  contact: {
    title: 'Contacto con un lead nuevo',
    intro: 'Con qué rapidez, cuántas veces y por qué canales contacta ventas tras el traspaso.',
    firstContact: { label: 'Primer contacto en menos de', help: 'Horas laborables desde el traspaso.', placeholder: '4', suffix: ' h' },
    attempts: { label: 'Intentos de contacto', help: 'Antes de dar el lead por ilocalizable.', placeholder: '6' },
    attemptWindow: { label: 'En cuántos días', help: 'El periodo en el que se reparten los intentos.', placeholder: '14', suffix: ' días' },
    channels: { label: 'Canales de contacto', help: 'Todos los canales que ventas puede usar.' },
  },
  channels: {
    phone: 'Teléfono',
    email: 'Correo electrónico',
    video: 'Videollamada',
    social: 'Redes sociales',
    meeting: 'Reunión presencial',
    chat: 'Chat o mensajería',
  },
  closedLoop: {
    title: 'Cierre del ciclo',
    intro: 'Lo que ventas informa a marketing sobre los leads que recibió.',
    report: {
      label: 'Qué informa ventas',
      placeholder: 'El estado de cada lead recibido: contactado, aceptado, rechazado con motivo, ganado o perdido.',
    },
    frequency: { label: 'Con qué frecuencia' },
  },
  frequencies: { daily: 'Diaria', weekly: 'Semanal', monthly: 'Mensual' },
  rejection: {
    title: 'Leads rechazados',
    intro: 'Los motivos que puede dar ventas para devolver un lead, y qué pasa después con él.',
    reasons: {
      list: 'Motivos para rechazar un lead',
      add: 'Agregar motivo',
      itemN: 'Motivo {{n}}',
      placeholder: 'No es quien decide',
      empty: 'Todavía no hay motivos. Una lista breve y compartida permite contar los rechazos.',
    },
    recycling: {
      label: 'Qué pasa con los leads rechazados',
      help: 'Cómo vuelven a marketing y cuándo se pueden traspasar de nuevo.',
      placeholder: 'Vuelven a marketing con el motivo registrado y entran en una secuencia de nutrición; pueden volver a traspasarse pasados 90 días.',
    },
  },
  commitments: {
    title: 'Compromisos de volumen',
    intro: 'Las cifras con las que se compromete cada equipo cada mes. Deja el máximo vacío para indicar «como mínimo».',
    itemN: 'Compromiso de {{team}} {{n}}',
    maxBelowMin: 'Es menor que el mínimo ({{min}}).',
    marketing: {
      title: 'A qué se compromete marketing',
      add: 'Agregar compromiso de marketing',
      empty: 'Nada todavía; por ejemplo, los leads calificados que entrega cada mes.',
      placeholder: 'MQLs entregados a ventas al mes',
    },
    sales: {
      title: 'A qué se compromete ventas',
      add: 'Agregar compromiso de ventas',
      empty: 'Nada todavía; por ejemplo, los leads que trabaja cada comercial al mes.',
      placeholder: 'Leads calificados que trabaja cada comercial al mes',
    },
    other: {
      title: 'Compromisos de otros equipos',
      add: 'Agregar compromiso de otro equipo',
      empty: 'Ninguno.',
      placeholder: 'Reglas de asignación del CRM revisadas cada mes',
    },
    fields: {
      description: { label: 'Compromiso' },
      min: { label: 'Mínimo' },
      max: { label: 'Máximo' },
      unit: { label: 'Unidad' },
    },
  },
  units: { 'per-month': 'al mes', percent: '%', hours: 'horas' },
};
