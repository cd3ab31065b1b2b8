export const errors = {
  invalid_input: 'The request was not valid.',
  not_found: 'That agreement no longer exists.',
  stale_revision: 'This agreement was changed elsewhere (revision {{current}}). Your text is kept on screen; reload to see the latest version.',
  read_only: 'This version is signed and can no longer be edited.',
  not_ready_one: 'This agreement cannot be signed yet: {{count}} open point remains.',
  not_ready_other: 'This agreement cannot be signed yet: {{count}} open points remain.',
  not_signer: 'Only participants marked “must sign” can sign this agreement.',
  already_signed: '{{name}} has already signed this version.',
  not_writable: 'The document could not be saved there ({{code}}). Choose another folder; the agreement itself is unchanged.',
  signing_key_required: 'This computer has no signing key yet. Enter your organization’s name to create one (or import your organization’s certificate).',
  signing_key_locked: 'The signing key is locked. Enter its passphrase to sign the document.',
  invalid_file: 'This file cannot be read as an agreement.',
  unsupported_version:
    'This file was made by a newer version of SLA Workshop (format {{found}}; this version reads up to {{supported}}). Update the app to open it.',
  too_large: 'The file is too large (limit {{limit}} bytes).',
  db_newer_version:
    'The data folder was written by a newer version of SLA Workshop (database version {{found}}; this version knows up to {{supported}}). Update the app; nothing was changed.',
  storage: 'The data could not be saved or read ({{detail}}). Nothing already saved was lost.',
  unauthorized: 'This request was refused.',
  method_not_allowed: 'This request was refused: the method is not allowed here.',
  unsupported_media_type: 'This request was refused: only JSON is accepted.',
  internal: 'Something went wrong. Nothing already saved was lost.',
  reason: {
    signature_mismatch: '“{{title}}”, version {{version}}, was changed after it was signed: its content no longer matches the recorded signatures.',
    signature_image_unreadable:
      'The drawn signature of {{name}} in the file is not a usable PNG image (it is damaged, or larger than 4000 × 2000 pixels or 1.5 MB).',
    signature_conflict:
      '{{name}} signed this version differently in the file than in the copy already here. Nothing was imported; check which file is the right one.',
    stored_signature_mismatch:
      '“{{title}}”, version {{version}}, no longer matches its signatures (it is a copy that an earlier version of the app stored under a new id), so it cannot be signed or exported. Duplicate it to carry on from an unsigned draft.',
    newer_agreement:
      '“{{title}}” was saved by a newer version of SLA Workshop (model {{found}}; this version knows up to {{supported}}). Update the app to open it; it was left unchanged.',
    newer_actuals:
      'The monthly actuals of this agreement were saved by a newer version of SLA Workshop (model {{found}}; this version knows up to {{supported}}). Update the app to see them; they were left unchanged.',
    upgrade_backup_failed:
      'Your agreements need upgrading to this version’s format, but the backup taken first failed ({{detail}}), so nothing was changed. Free some disk space or check the data folder, then start again.',
    not_signed: 'Only a signed version can be amended; a draft can simply be edited.',
    bad_signature_image: 'The drawn signature could not be read. Clear it and sign again.',
    not_json: 'The file is not valid JSON.',
    not_slaw: 'The file is not an SLA Workshop agreement (.slaw).',
    bad_schema_version: 'The file has no valid format version.',
    schema: 'The file does not match the agreement format.',
    // Package (OOXML) digital signatures and the signing identity.
    bad_package: 'The document could not be read as a Word package, so it was not signed.',
    bad_certificate: 'The signing certificate could not be read.',
    unsupported_key: 'Only RSA keys can sign Word documents here.',
    key_certificate_mismatch: 'The signing key does not belong to the certificate.',
    bad_organization: 'Enter the organization name for the signing certificate (1 to 64 characters).',
    p12_unreadable: 'The file is not a readable PKCS#12 certificate (.p12 or .pfx).',
    p12_too_costly: 'The certificate file asks for an unreasonable amount of key-derivation work (more than a million iterations), so it was not opened.',
    p12_wrong_password: 'The certificate password is wrong.',
    p12_no_key: 'The certificate file holds no private key, so it cannot sign.',
    p12_no_certificate: 'The certificate file holds no certificate for its private key.',
    certificate_expired: 'The certificate has expired. Ask for a current one.',
    certificate_not_yet_valid: 'The certificate is not valid yet. Check the computer’s date or ask for a current one.',
    empty_passphrase: 'Enter a passphrase to protect the signing key.',
    wrong_passphrase: 'The passphrase does not open the signing key.',
    identity_corrupt: 'The signing key file is damaged. Import the certificate again, or move the file away to create a new key.',
    identity_protection_mismatch: 'The signing key was protected another way (system keychain or passphrase) and cannot be opened here.',
    content_changed: 'The agreement changed after the signing dialog opened, so nothing was signed. Read the changes on the review page, then sign again.',
    title_frozen: 'Someone has already signed, so the job title in the agreement can no longer change. Your signature records the title you give.',
    no_such_key: 'That signing key is no longer on this computer.',
    no_matching_key:
      'No signing key on this computer carries this agreement’s company. Choose a key, create one for the company, or export without a digital signature.',
    too_many_keys: 'This computer already keeps the most signing keys it can. Remove keys you no longer use in Settings.',
    passphrase_too_short: 'Choose a passphrase of at least 8 characters.',
    identity_locked:
      'The system keychain could not open the signing key (another user, another computer, or a reset keychain). Import the certificate again, or move the key file away to create a new key.',
    // Storage: the data folder and the disk.
    data_dir_not_folder: 'The data folder {{path}} is not a folder (it is a file, or lies inside one). Choose another data folder; nothing was changed.',
    data_dir_read_only:
      'The data folder {{path}} is read-only ({{detail}}), so SLA Workshop cannot keep its database there. Make it writable or choose another data folder; nothing was changed.',
    storage_read_only:
      'The data folder or its database file is read-only ({{detail}}), so nothing can be saved. Make it writable again; nothing already saved was lost.',
    storage_full: 'The disk is full ({{detail}}), so nothing more can be saved. Free some space and try again; nothing already saved was lost.',
  },
  at: '{{message}} Field {{path}}: {{issue}}',
  issue: {
    invalid_type: 'wrong type (expected {{expected}}).',
    unrecognized_keys: 'unknown field(s): {{keys}}.',
    too_big: 'too long or too large (limit {{limit}}).',
    too_small: 'too short or too small (minimum {{limit}}).',
    invalid_value: 'not an allowed value ({{values}}).',
    invalid_format: 'wrong format.',
    invalid_union: 'not a valid value.',
    custom: 'not valid.',
    other: 'not valid ({{code}}).',
  },
};
