export const handoff = {
  guide: {
    title: 'Un traspaso sin ambigüedades',
    body: 'Convertir el interés en clientes es un esfuerzo de equipo, y el momento más delicado es el paso de un equipo a otro. Hay que fijar entre todos el punto exacto en que un lead deja de ser de marketing y pasa a ser de ventas, y qué lo dispara.\n\nDespués, toca decidir cómo llega el lead a la persona adecuada, cuánto tiempo tiene ventas para aceptarlo o devolverlo y quién vigila el proceso. Esto solo funciona si las etapas están bien definidas: si todavía se discute qué es un SQL, vuelve primero al paso anterior.',
  },
  point: {
    title: 'Dónde cambia de manos el lead',
    intro: 'La etapa en la que marketing entrega el lead y el hecho que lo dispara.',
  },
  routing: {
    title: 'Asignación y respuesta',
    intro: 'Cómo llega el lead a un comercial, en cuánto tiempo debe responder y quién es responsable del proceso.',
  },
  fields: {
    stageId: {
      label: 'Etapa del traspaso',
      help: 'Desde esta etapa, el lead es de ventas.',
      none: '— Elige una etapa —',
    },
    trigger: {
      label: 'Qué dispara el traspaso',
      help: 'El hecho o cambio de estado, idealmente automático en el CRM.',
      placeholder: 'La llamada de calificación del SDR confirma los cuatro criterios SQL; el CRM cambia la etapa automáticamente.',
    },
    routing: { label: 'Cómo se asigna el lead' },
    acceptWindowHours: { label: 'Horas de ventas para aceptar o rechazar', placeholder: '48', suffix: ' h' },
    owner: { label: 'Responsable del traspaso', placeholder: 'Responsable de Desarrollo de Ventas' },
    routingDetails: {
      label: 'Detalles de la asignación',
      placeholder: 'Reparto rotatorio entre los comerciales de la región del lead; el responsable recibe una tarea en el CRM y un correo.',
    },
  },
  routingOptions: {
    'crm-assignment': 'Regla de asignación del CRM',
    'round-robin': 'Reparto rotatorio (round-robin)',
    notification: 'Notificación',
    other: 'Otro',
  },
  strip: {
    label: 'Etapas del ciclo de vida de marketing a ventas',
    handoff: 'traspaso',
    noStage: 'Elige la etapa del traspaso para ver dónde cambia de manos el lead.',
    ownerNote:
      'En el paso del ciclo de vida, «{{stage}}» pertenece a {{team}}. En el traspaso el lead pasa a ventas, así que la etapa del traspaso suele ser la primera de ventas.',
  },
};
