export const errors = {
  invalid_input: 'La solicitud no era válida.',
  not_found: 'Ese acuerdo ya no existe.',
  stale_revision: 'Este acuerdo se modificó en otro lugar (revisión {{current}}). Tu texto sigue en pantalla; recarga para ver la última versión.',
  read_only: 'Esta versión está firmada y ya no se puede editar.',
  not_ready_one: 'Este acuerdo aún no se puede firmar: queda {{count}} punto pendiente.',
  not_ready_other: 'Este acuerdo aún no se puede firmar: quedan {{count}} puntos pendientes.',
  not_ready_many: 'Este acuerdo aún no se puede firmar: quedan {{count}} de puntos pendientes.',
  not_signer: 'Solo pueden firmar los participantes marcados como «debe firmar».',
  already_signed: '{{name}} ya firmó esta versión.',
  not_writable: 'No se pudo guardar el documento ahí ({{code}}). Elige otra carpeta; el acuerdo no ha cambiado.',
  signing_key_required:
    'Este equipo aún no tiene clave de firma. Escribe el nombre de tu organización para crearla (o importa el certificado de tu organización).',
  signing_key_locked: 'La clave de firma está bloqueada. Escribe su frase de contraseña para firmar el documento.',
  invalid_file: 'Este archivo no se puede leer como un acuerdo.',
  unsupported_version:
    'Este archivo lo creó una versión más nueva de SLA Workshop (formato {{found}}; esta versión lee hasta el {{supported}}). Actualiza la aplicación para abrirlo.',
  too_large: 'El archivo es demasiado grande (límite {{limit}} bytes).',
  db_newer_version:
    'La carpeta de datos la escribió una versión más nueva de SLA Workshop (base de datos versión {{found}}; esta versión conoce hasta la {{supported}}). Actualiza la aplicación; no se cambió nada.',
  storage: 'No se pudieron guardar o leer los datos ({{detail}}). No se perdió nada de lo ya guardado.',
  unauthorized: 'Se rechazó esta solicitud.',
  method_not_allowed: 'Se ha rechazado esta petición: el método no está permitido aquí.',
  unsupported_media_type: 'Se ha rechazado esta petición: solo se acepta JSON.',
  internal: 'Algo salió mal. No se perdió nada de lo ya guardado.',
  reason: {
    signature_mismatch: '«{{title}}», versión {{version}}, se modificó después de firmarse: su contenido ya no coincide con las firmas registradas.',
    signature_image_unreadable:
      'La firma dibujada de {{name}} en el archivo no es una imagen PNG válida (está dañada o supera los 4000 × 2000 píxeles o 1,5 MB).',
    signature_conflict:
      '{{name}} firmó esta versión de forma distinta en el archivo y en la copia que ya tienes. No se importó nada; comprueba cuál es el archivo correcto.',
    stored_signature_mismatch:
      '«{{title}}», versión {{version}}, ya no coincide con sus firmas (es una copia que una versión anterior de la aplicación guardó con un id nuevo), así que no se puede firmar ni exportar. Duplícalo para seguir desde un borrador sin firmar.',
    newer_agreement:
      '«{{title}}» se guardó con una versión más reciente de SLA Workshop (modelo {{found}}; esta versión conoce hasta el {{supported}}). Actualiza la aplicación para abrirlo; no se ha modificado.',
    newer_actuals:
      'Los resultados mensuales de este acuerdo se guardaron con una versión más reciente de SLA Workshop (modelo {{found}}; esta versión conoce hasta el {{supported}}). Actualiza la aplicación para verlos; no se han modificado.',
    upgrade_backup_failed:
      'Tus acuerdos tienen que actualizarse al formato de esta versión, pero la copia de seguridad previa falló ({{detail}}), así que no se cambió nada. Libera espacio en el disco o revisa la carpeta de datos y vuelve a abrir la aplicación.',
    not_signed: 'Solo se puede enmendar una versión firmada; un borrador se edita directamente.',
    bad_signature_image: 'No se pudo leer la firma dibujada. Bórrala y vuelve a firmar.',
    not_json: 'El archivo no es JSON válido.',
    not_slaw: 'El archivo no es un acuerdo de SLA Workshop (.slaw).',
    bad_schema_version: 'El archivo no tiene una versión de formato válida.',
    schema: 'El archivo no cumple el formato de acuerdo.',
    // Firmas digitales del paquete (OOXML) y la identidad de firma.
    bad_package: 'No se pudo leer el documento como paquete de Word, así que no se firmó.',
    bad_certificate: 'No se pudo leer el certificado de firma.',
    unsupported_key: 'Aquí solo las claves RSA pueden firmar documentos de Word.',
    key_certificate_mismatch: 'La clave de firma no corresponde al certificado.',
    bad_organization: 'Escribe el nombre de la organización para el certificado de firma (de 1 a 64 caracteres).',
    p12_unreadable: 'El archivo no es un certificado PKCS#12 legible (.p12 o .pfx).',
    p12_too_costly:
      'El archivo del certificado exige un trabajo de derivación de claves desmesurado (más de un millón de iteraciones), así que no se ha abierto.',
    p12_wrong_password: 'La contraseña del certificado no es correcta.',
    p12_no_key: 'El archivo del certificado no contiene clave privada, así que no puede firmar.',
    p12_no_certificate: 'El archivo del certificado no contiene el certificado de su clave privada.',
    certificate_expired: 'El certificado ha caducado. Pide uno vigente.',
    certificate_not_yet_valid: 'El certificado aún no es válido. Revisa la fecha del equipo o pide uno vigente.',
    empty_passphrase: 'Escribe una frase de contraseña para proteger la clave de firma.',
    wrong_passphrase: 'La frase de contraseña no abre la clave de firma.',
    identity_corrupt: 'El archivo de la clave de firma está dañado. Vuelve a importar el certificado o aparta el archivo para crear una clave nueva.',
    identity_protection_mismatch: 'La clave de firma se protegió de otra forma (llavero del sistema o frase de contraseña) y no se puede abrir aquí.',
    content_changed:
      'El acuerdo cambió después de abrir el diálogo de firma, así que no se firmó nada. Lee los cambios en la página de revisión y vuelve a firmar.',
    title_frozen: 'Alguien ya firmó, así que el cargo del acuerdo ya no puede cambiar. Tu firma registra el cargo que indiques.',
    no_such_key: 'Esa clave de firma ya no está en este equipo.',
    no_matching_key:
      'Ninguna clave de firma de este equipo lleva la empresa de este acuerdo. Elige una clave, crea una para la empresa o exporta sin firma digital.',
    too_many_keys: 'Este equipo ya guarda el máximo de claves de firma. Quita en Ajustes las que ya no uses.',
    passphrase_too_short: 'Elige una frase de contraseña de al menos 8 caracteres.',
    identity_locked:
      'El llavero del sistema no pudo abrir la clave de firma (otro usuario, otro equipo o un llavero restablecido). Vuelve a importar el certificado o aparta el archivo de la clave para crear una nueva.',
    // Almacenamiento: la carpeta de datos y el disco.
    data_dir_not_folder:
      'La carpeta de datos {{path}} no es una carpeta (es un archivo o está dentro de uno). Elige otra carpeta de datos; no se ha cambiado nada.',
    data_dir_read_only:
      'La carpeta de datos {{path}} es de solo lectura ({{detail}}), así que SLA Workshop no puede guardar allí su base de datos. Permite escribir en ella o elige otra carpeta de datos; no se ha cambiado nada.',
    storage_read_only:
      'La carpeta de datos o el archivo de la base de datos es de solo lectura ({{detail}}), así que no se puede guardar nada. Vuelve a permitir la escritura; no se perdió nada de lo ya guardado.',
    storage_full:
      'El disco está lleno ({{detail}}), así que no se puede guardar nada más. Libera espacio y vuelve a intentarlo; no se perdió nada de lo ya guardado.',
  },
  at: '{{message}} Campo {{path}}: {{issue}}',
  issue: {
    invalid_type: 'tipo incorrecto (se esperaba {{expected}}).',
    unrecognized_keys: 'campo(s) desconocido(s): {{keys}}.',
    too_big: 'demasiado largo o grande (límite {{limit}}).',
    too_small: 'demasiado corto o pequeño (mínimo {{limit}}).',
    invalid_value: 'no es un valor permitido ({{values}}).',
    invalid_format: 'formato incorrecto.',
    invalid_union: 'no es un valor válido.',
    custom: 'no es válido.',
    other: 'no es válido ({{code}}).',
  },
};
