// English strings of the shared UI pieces (clocks, action outcomes) and the request states every page
// shows, typed as the zh-CN shape, so a missing or extra key fails the typecheck.
import type { strings as zhCN } from '../zh-CN/ui.ts';

export const strings: typeof zhCN = {
  errors: {
    network: 'Cannot reach the server. Check the connection and try again.',
    server: 'Something went wrong on the server. Please try again later.',
    retry: 'Try again',
  },
  common: {
    loading: 'Loading…',
    loadMore: 'Load more',
    code: 'Code',
    listSeparator: ', ',
  },
  ui: {
    clock: {
      left: '{{duration}} left',
      over: '{{duration}} overdue',
      minutes: '{{count}} min',
      hours: '{{count}} h',
      days: '{{count}} d',
    },
    outcome: {
      conflict: 'Changed by someone else ({{by}}, {{at}}); it is now {{status}}. Reload before you act.',
      someone: 'another user',
      reload: 'Reload',
      illegal: 'The ticket is {{current}}; you cannot {{action}} it now.',
      forbidden: 'You may not do this.',
      invalid: 'Please check: {{fields}}.',
      notFound: 'It does not exist, or you may not see it.',
      refused: 'Not done: {{reason}}.',
      reused: 'The request id of this submit was used for another request before; nothing was changed. Please submit again.',
    },
  },
};
