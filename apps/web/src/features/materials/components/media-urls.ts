/** Addresses of a file version's derived files (same access check as the file itself). */
export const thumbnailUrl = (fileId: string) => `/api/material-files/${fileId}/thumbnail`;
export const renditionUrl = (fileId: string, rendition: 'data-saver' | 'audio') =>
  `/api/material-files/${fileId}/renditions/${rendition}`;
