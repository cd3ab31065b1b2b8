export const lifecycle = {
  guide: {
    title: 'Cada etapa, un único significado',
    body: 'Empieza por lo básico: qué es un lead para tu empresa. Después define cada etapa del embudo con palabras que ambos equipos firmarían, y el momento exacto en que un lead pasa de una etapa a la siguiente.\n\nLas dos líneas clave son cuándo marketing da un lead por calificado y cuándo está listo para ventas. Los leads y los MQL siguen siendo de marketing, que los continúa nutriendo; ventas solo trabaja los leads calificados por ventas (SQL).\n\nUn SQL debe cumplir cuatro criterios: la persona puede decidir o impulsar la compra, tiene una necesidad real que resuelves, entiende al menos a grandes rasgos lo que ofreces y encaja con tu perfil ideal. Anota qué significa cada uno en la práctica.',
  },
  stages: {
    title: 'Etapas del embudo',
    intro:
      'En orden, del primer contacto al cliente. Para cada etapa, indica qué significa y qué debe cumplirse —idealmente comprobable en el CRM— para que un lead entre en ella.',
    requiredNote: 'Lead, MQL y SQL son obligatorias en todo acuerdo. Oportunidad y Cliente son opcionales, y puedes agregar etapas propias.',
    list: 'Etapas del ciclo de vida',
    add: 'Agregar etapa',
    itemN: 'Etapa {{n}}',
    requiredBadge: 'Obligatoria',
    cannotRemove: '«{{stage}}» es obligatoria y no se puede eliminar. Cámbiale el nombre o la definición.',
    missingTitle: 'Falta una etapa obligatoria',
    restore: 'Restaurar la etapa {{stage}}',
  },
  keys: { lead: 'Lead', mql: 'MQL', sql: 'SQL' },
  stage: {
    name: { label: 'Nombre de la etapa', placeholder: 'Lead calificado por marketing (MQL)' },
    owner: { label: 'Equipo responsable' },
    optional: { label: 'Etapa opcional', help: 'No necesita meta mensual.' },
    definition: {
      label: 'Definición',
      placeholder: 'Un lead que ya superó el filtro de calificación de marketing…',
    },
    entryCriteria: {
      label: 'Criterios de entrada',
      placeholder: 'Encaja en el perfil ideal y alcanzó 60 puntos de lead scoring, o pidió una demo.',
    },
  },
  sql: {
    title: '¿Cuándo está un lead listo para ventas?',
    intro: 'Los cuatro criterios que debe cumplir un lead calificado por ventas. Indica cómo se reconoce cada uno en la práctica.',
    authority: {
      label: 'Autoridad',
      help: '¿Puede esta persona tomar o impulsar la decisión de compra?',
      placeholder: 'Nivel dirección o superior, o designado por la dirección para evaluar herramientas.',
    },
    need: {
      label: 'Necesidad',
      help: '¿Tiene hoy un problema que resolvemos?',
      placeholder: 'Tiene hoy un problema que resolvemos: roturas de stock, informes manuales…',
    },
    understanding: {
      label: 'Comprensión de la propuesta de valor',
      help: '¿Sabe, al menos a grandes rasgos, qué ofrecemos y en qué le ayuda?',
      placeholder: 'Vio una presentación general de la plataforma y lo que cambia para su empresa.',
    },
    fit: {
      label: 'Encaje',
      help: '¿La empresa coincide con el perfil de cliente ideal?',
      placeholder: 'Sector, tamaño, región y sistemas con los que nos integramos.',
    },
  },
};
