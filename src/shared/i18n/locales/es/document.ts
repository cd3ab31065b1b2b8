/** Words of the agreement as read: the review page and the Word document (see shared/document/outline.ts). */
export const document = {
  placeholder: 'Documento',
};
