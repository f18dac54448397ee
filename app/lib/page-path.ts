/** The request header in which proxy.ts hands a page's path (with its query) to the server layouts. */
export const pagePathHeader = 'x-seitenpfad';
