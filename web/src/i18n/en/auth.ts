// English strings of signing in and out, typed as the zh-CN shape, so a missing or extra key fails the
// typecheck.
import type { strings as zhCN } from '../zh-CN/auth.ts';

export const strings: typeof zhCN = {
  auth: {
    signIn: 'Sign in',
    signOut: 'Sign out',
    signingOut: 'Signing out…',
    title: 'Sign in',
    intro: 'Street and department staff, council members, party members and grid workers sign in with their own account. The organisation can be browsed without signing in.',
    login: 'Login',
    password: 'Password',
    submit: 'Sign in',
    submitting: 'Signing in…',
    browseAnonymously: 'Browse the organisation without signing in',
    alreadySignedIn: 'You are signed in as {{name}}.',
    invalidCredentials: 'The login or the password is incorrect.',
    tooManyAttempts: 'Too many failed attempts. Try again in {{seconds}} seconds.',
    invalidInput: 'Please check: {{fields}}.',
    signOutFailed: 'Signing out failed. Please try again.',
  },
};
