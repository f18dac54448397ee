import type { AccountMessages } from './account';
import { peopleEn } from './people.en';
import { ssoEn } from './sso.en';

/** The English twins of account.ts. */
export const accountEn: AccountMessages = {
  signIn: {
    title: 'Sign in',
    email: 'E-mail address',
    password: 'Password',
    submit: 'Sign in',
    busy: 'Signing in …',
    failed: 'The e-mail address or password is wrong.',
    tooManyAttempts: (seconds: number) => `Too many attempts – please try again in ${seconds} seconds`,
    tooManyAttemptsLater: 'Too many attempts – please try again later',
    noSignUp: 'Accounts are given out by your municipality’s fleet office.',
    deactivated: 'Your account is deactivated. Please contact the fleet office of your municipality.',
  },
  sso: ssoEn,
  people: peopleEn,
};
