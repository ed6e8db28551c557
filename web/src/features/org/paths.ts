// Every level of the org tree has an address made of the codes above it, so any view can be linked to.

/** /org/<district>/<street>/<community>/<grid cell>, as deep as codes are given. */
export const orgPath = (...codes: string[]) => (codes.length === 0 ? '/' : `/org/${codes.map(encodeURIComponent).join('/')}`);
