import { Route, Router } from '@solidjs/router';
import { Provider } from '@urql/solid';
import type { Component } from 'solid-js';
import { SignInPage } from './features/auth/SignInPage.tsx';
import { OrgBrowser } from './features/org/OrgBrowser.tsx';
import { NotFoundPage } from './features/shell/NotFoundPage.tsx';
import { Shell } from './features/shell/Shell.tsx';
import { createGraphqlClient } from './graphql/client.ts';

const client = createGraphqlClient();

/** Routes: the org browser at / and /org/<district>/<street>/<community>/<grid cell>, sign-in, 404. */
export const App: Component = () => (
  <Provider value={client}>
    <Router root={Shell}>
      <Route path={['/', '/org/:district?/:street?/:community?/:gridCell?']} component={OrgBrowser} />
      <Route path="/sign-in" component={SignInPage} />
      <Route path="*" component={NotFoundPage} />
    </Router>
  </Provider>
);
