import { requestLanguage } from './language';

/** Field messages of the compliance forms' input checks (licence checks, UVV). */
const de = {
  licenceClasses: 'Bitte mindestens eine Führerscheinklasse wählen.',
  inspectionResult: 'Bitte das Ergebnis der Prüfung wählen.',
};

const en: typeof de = {
  licenceClasses: 'Please choose at least one licence class.',
  inspectionResult: 'Please choose the result of the inspection.',
};

/** In the request's language, for zod's `error` while the input is parsed. */
export const complianceFieldTexts = (): typeof de => (requestLanguage() === 'en' ? en : de);
