import { requestLanguage } from './language';

/** The field messages of the people administration (invitations, roles, import, passwords). */
const de = {
  name: 'Bitte den Namen angeben (höchstens 120 Zeichen).',
  email: 'Bitte eine gültige E-Mail-Adresse angeben.',
  emailTaken: 'Unter dieser E-Mail-Adresse gibt es bereits ein Konto.',
  role: 'Bitte eine Rolle wählen: Mitarbeitende oder Fuhrparkverantwortliche.',
  operatorOnly: 'Betreiberkonten legt nur der Betreiber an.',
  municipality: 'Bitte eine Kommune wählen.',
  municipalityNotFound: 'Diese Kommune gibt es nicht.',
  otherMunicipality: 'Sie können nur Personen Ihrer eigenen Kommune verwalten.',
  passwordLength: 'Das Passwort hat mindestens 10 und höchstens 128 Zeichen.',
  csvHeader: 'Die erste Zeile muss die Spalten name, email, role, municipality nennen.',
  csvEmpty: 'Die Datei enthält keine Personen.',
  csvTooMany: (most: number) => `Höchstens ${most} Personen auf einmal.`,
  csvUnreadable: (reason: string) => `Die Datei ist kein lesbares CSV: ${reason}`,
  csvDuplicate: (line: number) => `Diese E-Mail-Adresse steht schon in Zeile ${line}.`,
  csvRole: 'Rolle ist staff oder fleet_manager.',
  csvMunicipality: (value: string) => `Die Kommune „${value}“ gibt es nicht (Name oder Kürzel).`,
  csvColumns: (count: number) => `Die Zeile hat ${count} statt 4 Spalten.`,
};

const en: typeof de = {
  name: 'Please enter the name (at most 120 characters).',
  email: 'Please enter a valid e-mail address.',
  emailTaken: 'There already is an account with this e-mail address.',
  role: 'Please choose a role: staff or fleet manager.',
  operatorOnly: 'Only the operator creates operator accounts.',
  municipality: 'Please choose a municipality.',
  municipalityNotFound: 'This municipality does not exist.',
  otherMunicipality: 'You can only manage people of your own municipality.',
  passwordLength: 'The password has at least 10 and at most 128 characters.',
  csvHeader: 'The first line must name the columns name, email, role, municipality.',
  csvEmpty: 'The file contains no people.',
  csvTooMany: (most: number) => `At most ${most} people at once.`,
  csvUnreadable: (reason: string) => `The file is not readable CSV: ${reason}`,
  csvDuplicate: (line: number) => `This e-mail address is already in line ${line}.`,
  csvRole: 'The role is staff or fleet_manager.',
  csvMunicipality: (value: string) => `There is no municipality “${value}” (name or short name).`,
  csvColumns: (count: number) => `The line has ${count} instead of 4 columns.`,
};

/** In the request's language, for zod's `error` while the input is parsed and for domain checks. */
export const peopleFieldTexts = (): typeof de => (requestLanguage() === 'en' ? en : de);
