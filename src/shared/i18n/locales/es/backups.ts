/**
 * Copias de seguridad: el aviso de inicio sobre acuerdos que no se pueden leer, el diálogo para recuperar y
 * las líneas que imprimen la línea de comandos y el modo navegador. Mismas claves que en/backups.ts.
 */
export const backups = {
  open: 'Copias de seguridad',
  dialog: {
    title: 'Recuperar de una copia de seguridad',
    intro:
      'SLA Workshop hace copias de seguridad automáticas de tus acuerdos cada vez que cambian: conserva las 10 últimas, la más reciente de cada uno de los últimos 7 días y 4 semanas, y nunca borra la última copia legible de un acuerdo que ahora no se puede leer. Elige una copia para ver qué contiene.',
    backup: 'Copia de seguridad',
    option_one: '{{when}} — {{count}} acuerdo',
    option_other: '{{when}} — {{count}} acuerdos',
    someUnreadable_one: ', {{count}} de ellos ilegible',
    someUnreadable_other: ', {{count}} de ellos ilegibles',
    damaged: '{{when}} — dañada, no se puede usar',
    none: 'Todavía no hay copias de seguridad. La primera se hace al iniciar SLA Workshop.',
    loading: 'Cargando…',
    loadFailed: 'No se pudieron leer las copias de seguridad.',
    agreements: 'Acuerdos de esta copia',
    empty: 'Esta copia no contiene ningún acuerdo.',
    restore: 'Recuperar',
    restoreNamed: 'Recuperar «{{title}}» de esta copia',
    outcome: {
      replace: 'Sustituye la copia actual, que no se puede leer.',
      copy: 'Se añade como un borrador nuevo; la versión actual se queda como está.',
      add: 'Se vuelve a añadir: ya no está entre tus acuerdos.',
    },
    unreadableHere: 'La copia de este acuerdo en esta copia de seguridad tampoco se puede leer.',
    edited: 'Última edición: {{when}}',
    trashed: 'Estaba en la papelera',
    close: 'Cerrar',
    untitled: '(sin título)',
  },
  done: {
    replace: '«{{title}}» se ha recuperado de la copia del {{when}}: ha sustituido a la copia que no se podía leer.',
    copy: 'La versión de la copia del {{when}} se ha añadido como un borrador nuevo, «{{title}}»; la versión actual no ha cambiado.',
    add: '«{{title}}» se ha vuelto a añadir desde la copia del {{when}}.',
  },
  notice: {
    title_one: 'No se pudo leer un acuerdo',
    title_other: 'No se pudieron leer {{count}} acuerdos',
    intro: 'Sus datos guardados están dañados, aunque el archivo de la base de datos en sí está sano. No se ha cambiado ni borrado nada.',
    problem: {
      not_utf8: 'Su texto guardado contiene caracteres no válidos.',
      not_json: 'Sus datos guardados están cortados o revueltos.',
      schema: 'Sus datos guardados ya no encajan con el formato de los acuerdos.',
      fingerprint: 'Su contenido firmado ya no coincide con las firmas registradas.',
      newer_model: 'Lo guardó una versión más reciente de SLA Workshop: actualiza la aplicación para abrirlo.',
    },
    holder: 'Hay una copia legible en la copia de seguridad del {{when}}. Al recuperarla, sustituye a la copia ilegible.',
    noHolder: 'Ninguna copia de seguridad contiene una versión legible.',
    restore: 'Recuperar de esa copia',
    restoreNamed: 'Recuperar de esa copia: «{{title}}», {{when}}',
    restored: 'Recuperado: la versión de la copia de seguridad ha sustituido a la ilegible.',
    backupFailedTitle: 'Falló la copia de seguridad automática',
    backupFailed:
      'La copia de seguridad automática del {{when}} falló ({{reason}}). Tu trabajo está guardado, pero no tiene una copia nueva. Comprueba que se puede escribir en la carpeta de datos y que el disco tiene espacio libre.',
    untitled: '(sin título)',
  },
  line: {
    unreadable_one: 'SLA Workshop: no se puede leer {{count}} acuerdo: {{list}}. Recupéralo en la aplicación (Acuerdos → Copias de seguridad).',
    unreadable_other: 'SLA Workshop: no se pueden leer {{count}} acuerdos: {{list}}. Recupéralos en la aplicación (Acuerdos → Copias de seguridad).',
    withBackup: '«{{title}}» ({{id}}), legible en la copia del {{when}}',
    withoutBackup: '«{{title}}» ({{id}}), en ninguna copia',
    backupFailed: 'SLA Workshop: falló la copia de seguridad automática ({{reason}}); tus datos están guardados, pero sin copia nueva.',
  },
};
