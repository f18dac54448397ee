/**
 * What a page shows when even its frame failed (app/global-error.tsx). The chosen language is not
 * known there, so it says it in both, German first; apart from the catalogues to stay small.
 */
export const globalErrorTexts = {
  de: {
    title: 'Diese Seite konnte nicht geladen werden',
    text: 'Bitte versuchen Sie es erneut. Bleibt der Fehler, wenden Sie sich an die Fuhrparkverwaltung Ihrer Kommune.',
    retry: 'Erneut versuchen',
    home: 'Zur Startseite',
  },
  en: {
    title: 'This page could not be loaded',
    text: 'Please try again. If the error stays, ask your municipality’s fleet office.',
    retry: 'Try again',
    home: 'To the start page',
  },
};
