import { requestLanguage } from './language';

/** The field messages of the single sign-on administration (server/sso/providers.ts). */
const de = {
  issuerFormat: 'Bitte die Adresse des Anbieters angeben, z. B. https://login.brandis.de/realms/rathaus.',
  issuerHttps: 'Der Anbieter muss über https erreichbar sein (http nur für localhost).',
  discoveryFailed: (url: string) =>
    `Unter ${url} ist keine OpenID-Connect-Konfiguration abrufbar. Bitte die Adresse prüfen.`,
  issuerMismatch: (reported: string) =>
    `Der Anbieter nennt sich selbst „${reported}“. Bitte genau diese Adresse eintragen.`,
  secretRequired: 'Bitte das Client-Geheimnis angeben.',
  nameTaken: 'Diese Kommune hat bereits einen Anmeldedienst mit diesem Namen.',
  municipalityNotFound: 'Diese Kommune gibt es nicht.',
  ruleTarget: 'Bitte entweder eine Rolle oder eine Kommune wählen.',
  ruleRequired: 'Bitte ausfüllen.',
  ruleMunicipalityNotFound: 'Diese Kommune gibt es nicht.',
  rulesIncomplete: 'Ohne eine Regel für die Rolle und eine für die Kommune wird jede Anmeldung abgewiesen.',
};

const en: typeof de = {
  issuerFormat: "Please enter the provider's address, e.g. https://login.brandis.de/realms/rathaus.",
  issuerHttps: 'The provider must be reached over https (http only for localhost).',
  discoveryFailed: (url: string) =>
    `No OpenID Connect configuration could be read at ${url}. Please check the address.`,
  issuerMismatch: (reported: string) =>
    `The provider calls itself “${reported}”. Please enter exactly this address.`,
  secretRequired: 'Please enter the client secret.',
  nameTaken: 'This municipality already has a sign-in service of this name.',
  municipalityNotFound: 'This municipality does not exist.',
  ruleTarget: 'Please choose either a role or a municipality.',
  ruleRequired: 'Please fill in.',
  ruleMunicipalityNotFound: 'This municipality does not exist.',
  rulesIncomplete: 'Without one rule for the role and one for the municipality every sign-in is refused.',
};

export const ssoFieldTexts = (): typeof de => (requestLanguage() === 'en' ? en : de);
