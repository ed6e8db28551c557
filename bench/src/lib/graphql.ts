// GraphQL over HTTP for the benches, the demo sign-ins, and the operations the web app really sends
// (copied from web/src, fragments inlined, so that the benches measure what a browser asks for).

export const DEMO_PASSWORD = 'whistlehub-demo';
/** 前门街道 (Dongcheng): the street of the demo officer `street.qianmen`, whose 草厂社区 grid cells the writes land in */
export const QIANMEN = '110101011';

export async function gql<T = any>(base: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (!response.ok || body.errors) throw new Error(`${response.status} ${JSON.stringify(body.errors ?? body)}`);
  return body.data as T;
}

/** Signs a demo account in over HTTP; returns the session token (for `Authorization: Bearer` or `connectionParams`). */
export async function signIn(base: string, login: string): Promise<string> {
  const data = await gql(base, `mutation ($login: String!, $password: String!) { signIn(input: { login: $login, password: $password }) { __typename ... on SignInResult { session { token } } } }`, { login, password: DEMO_PASSWORD });
  const token = data.signIn?.session?.token as string | undefined;
  if (!token) throw new Error(`cannot sign in as ${login}: ${JSON.stringify(data)}`);
  return token;
}

/** An API token for an integrator (the 12345 hotline files tickets with one). */
export async function apiToken(base: string, login: string, name: string): Promise<string> {
  const session = await signIn(base, login);
  const data = await gql(base, `mutation ($name: String!) { createApiToken(input: { name: $name }) { __typename ... on CreateApiTokenResult { created { token } } } }`, { name }, session);
  const token = data.createApiToken?.created?.token as string | undefined;
  if (!token) throw new Error(`cannot create an API token for ${login}: ${JSON.stringify(data)}`);
  return token;
}

/** TicketInboxRowFields (web/src/features/tickets/TicketInboxRow.tsx) with DeadlineClockFields and OrgUnitFields inlined (each place's own fields). */
export const TICKET_INBOX_ROW = `id number status description category { id code name nameEn } receivedAt version
  respondBy feedbackBy resolveBy respondedAt feedbackAt resolvedAt missedDeadlines
  parts { id kind status } gridCell { id code name } street { id code name nameEn } community { id code name nameEn }`;

/** The web app's inbox page (TicketInbox.tsx): 50 tickets a page, newest first. */
export const TICKET_INBOX_QUERY = `query TicketInboxQuery($filter: TicketFilter, $after: String) {
  tickets(first: 50, after: $after, filter: $filter) { totalCount pageInfo { hasNextPage endCursor } edges { node { ${TICKET_INBOX_ROW} } } }
}`;

/**
 * What each fan-out subscriber selects. `web` is the web app's TicketLiveUpdatesStreetSubscription
 * (TicketLiveUpdatesFields: the ticket as an inbox row, with its category, parts and places); `ticket`
 * a light client; `notice` no ticket at all.
 */
export const NOTICE_SELECTIONS = {
  notice: '',
  ticket: 'ticket { id number status }',
  web: `ticket { ${TICKET_INBOX_ROW} }`,
} as const;
export type NoticeSelection = keyof typeof NOTICE_SELECTIONS;

export const ticketEventsSubscription = (selection: NoticeSelection) =>
  `subscription TicketLiveUpdatesStreetSubscription($streetCode: String!, $afterSeq: Int) {
  ticketEvents(streetCode: $streetCode, afterSeq: $afterSeq) { __typename ... on TicketEventNotice { type seq logSeq ${NOTICE_SELECTIONS[selection]} } ... on FeedResync { resyncSeq: logSeq missed } }
}`;

/** The 12345 hotline's intake: createTicket with what the integrator reads back. */
export const CREATE_TICKET = `mutation CreateTicket($input: CreateTicketInput!) {
  createTicket(input: $input) { __typename ... on CreateTicketResult { result { ticket { id number status street { code } } } } ... on Error { message } }
}`;
