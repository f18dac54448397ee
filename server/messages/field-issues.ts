import { type Language, localeOf } from './language';

/** The parts of a zod 4 issue a field message needs (`z.config({ customError })`). */
export interface FieldIssue {
  code: string;
  origin?: string;
  minimum?: number | bigint | Date;
  maximum?: number | bigint | Date;
  inclusive?: boolean;
  expected?: string;
  format?: string;
  input?: unknown;
}

type Bound = 'greater' | 'smaller' | 'atLeast' | 'atMost';

const sentences = {
  de: {
    required: 'Bitte ausfüllen.',
    number: 'Bitte eine Zahl angeben.',
    date: 'Bitte ein gültiges Datum angeben.',
    shape: 'Diese Angabe hat nicht die erwartete Form.',
    email: 'Bitte eine gültige E-Mail-Adresse angeben.',
    choice: 'Bitte einen der angebotenen Werte wählen.',
    integer: 'Bitte eine ganze Zahl angeben.',
    bound: { greater: 'größer als', smaller: 'kleiner als', atLeast: 'mindestens', atMost: 'höchstens' },
    characters: (bound: string, limit: string) => `Bitte ${bound} ${limit} Zeichen eingeben.`,
    items: (bound: string, limit: string) => `Bitte ${bound} ${limit} auswählen.`,
    dateFrom: (limit: string) => `Bitte ein Datum ab ${limit} wählen.`,
    dateUntil: (limit: string) => `Bitte ein Datum bis ${limit} wählen.`,
    value: (bound: string, limit: string) => `Der Wert muss ${bound} ${limit} sein.`,
  },
  en: {
    required: 'Please fill in.',
    number: 'Please enter a number.',
    date: 'Please enter a valid date.',
    shape: 'This entry does not have the expected form.',
    email: 'Please enter a valid e-mail address.',
    choice: 'Please choose one of the offered values.',
    integer: 'Please enter a whole number.',
    bound: { greater: 'more than', smaller: 'less than', atLeast: 'at least', atMost: 'at most' },
    characters: (bound: string, limit: string) => `Please enter ${bound} ${limit} characters.`,
    items: (bound: string, limit: string) => `Please choose ${bound} ${limit}.`,
    dateFrom: (limit: string) => `Please choose a date from ${limit}.`,
    dateUntil: (limit: string) => `Please choose a date until ${limit}.`,
    value: (bound: string, limit: string) => `The value must be ${bound} ${limit}.`,
  },
} satisfies Record<Language, { bound: Record<Bound, string> } & Record<string, unknown>>;

const amount = (limit: number | bigint | Date | undefined, language: Language) =>
  limit instanceof Date
    ? limit.toLocaleDateString(localeOf(language))
    : Number(limit).toLocaleString(localeOf(language));

/** A field's problem in plain words for the person at the form; undefined leaves zod's own locale. */
export function fieldIssue(issue: FieldIssue, language: Language): string | undefined {
  const { code, origin } = issue;
  const t = sentences[language];
  if (code === 'invalid_type')
    return issue.input === undefined || issue.input === null
      ? t.required
      : issue.expected === 'number'
        ? t.number
        : issue.expected === 'date'
          ? t.date
          : t.shape;
  if (code === 'too_small' || code === 'too_big') {
    const small = code === 'too_small';
    const limit = amount(small ? issue.minimum : issue.maximum, language);
    const bound =
      t.bound[issue.inclusive === false ? (small ? 'greater' : 'smaller') : small ? 'atLeast' : 'atMost'];
    if (origin === 'string') return t.characters(bound, limit);
    if (origin === 'array' || origin === 'set') return t.items(bound, limit);
    if (origin === 'date') return small ? t.dateFrom(limit) : t.dateUntil(limit);
    return t.value(bound, limit);
  }
  if (code === 'invalid_format') return issue.format === 'email' ? t.email : t.shape;
  if (code === 'invalid_value') return t.choice;
  if (code === 'not_multiple_of') return t.integer;
  return undefined;
}
