import { Route, Router } from '@solidjs/router';
import { Provider } from '@urql/solid';
import type { Component } from 'solid-js';
import { SignInPage } from './features/auth/SignInPage.tsx';
import { BoardMeeting } from './features/board/BoardMeeting.tsx';
import { BoardPage } from './features/board/BoardPage.tsx';
import { CaseDetail } from './features/board/CaseDetail.tsx';
import { CouncilsLayout } from './features/councils/CouncilsLayout.tsx';
import { CouncilsPage } from './features/councils/CouncilsPage.tsx';
import { MeetingPage } from './features/councils/MeetingPage.tsx';
import { OrgBrowser } from './features/org/OrgBrowser.tsx';
import { NotFoundPage } from './features/shell/NotFoundPage.tsx';
import { Shell } from './features/shell/Shell.tsx';
import { TicketDetail } from './features/tickets/TicketDetail.tsx';
import { TicketHotSpotsPage } from './features/tickets/TicketHotSpotsPage.tsx';
import { TicketInbox } from './features/tickets/TicketInbox.tsx';
import { TicketIntakeForm } from './features/tickets/TicketIntakeForm.tsx';
import { TicketRatesPage } from './features/tickets/TicketRatesPage.tsx';
import { TicketsLayout } from './features/tickets/TicketsLayout.tsx';
import { WhistleBlowForm } from './features/whistles/WhistleBlowForm.tsx';
import { WhistleBoard } from './features/whistles/WhistleBoard.tsx';
import { WhistleDetail } from './features/whistles/WhistleDetail.tsx';
import { WhistleRankingPage } from './features/whistles/WhistleRankingPage.tsx';
import { WhistlesLayout } from './features/whistles/WhistlesLayout.tsx';
import { BranchCalls } from './features/volunteers/BranchCalls.tsx';
import { MyVolunteerPosts } from './features/volunteers/MyVolunteerPosts.tsx';
import { ShiftVerifyQueue } from './features/volunteers/ShiftVerifyQueue.tsx';
import { VolunteerPostList } from './features/volunteers/VolunteerPostList.tsx';
import { VolunteerReports } from './features/volunteers/VolunteerReports.tsx';
import { VolunteersLayout } from './features/volunteers/VolunteersLayout.tsx';
import { createGraphqlClient } from './graphql/client.ts';

const client = createGraphqlClient();

/**
 * Routes: the org browser at / and /org/<district>/<street>/<community>/<grid cell>; the tickets
 * section (inbox, intake form, rates, hot spots, one ticket by number); the whistles section (live
 * countdown board, the whistle form, the departments' monthly ranking, one whistle by number); the councils
 * (议事厅: a community's councils, one meeting in meeting mode); the volunteers section (双报到: the post
 * catalogue, my posts, the staff's verification queue, the reports, branch calls); the live board (看板: a
 * street's columns, one case co-edited live, meeting mode); sign-in; 404.
 */
export const App: Component = () => (
  <Provider value={client}>
    <Router root={Shell}>
      <Route path={['/', '/org/:district?/:street?/:community?/:gridCell?']} component={OrgBrowser} />
      <Route path="/tickets" component={TicketsLayout}>
        <Route path="/" component={TicketInbox} />
        <Route path="/new" component={TicketIntakeForm} />
        <Route path="/rates" component={TicketRatesPage} />
        <Route path="/hotspots" component={TicketHotSpotsPage} />
        <Route path="/:number" component={TicketDetail} />
      </Route>
      <Route path="/whistles" component={WhistlesLayout}>
        <Route path="/" component={WhistleBoard} />
        <Route path="/new" component={WhistleBlowForm} />
        <Route path="/ranking" component={WhistleRankingPage} />
        <Route path="/:number" component={WhistleDetail} />
      </Route>
      <Route path="/councils" component={CouncilsLayout}>
        <Route path="/" component={CouncilsPage} />
        <Route path="/meetings/:id" component={MeetingPage} />
      </Route>
      <Route path="/volunteers" component={VolunteersLayout}>
        <Route path="/" component={VolunteerPostList} />
        <Route path="/mine" component={MyVolunteerPosts} />
        <Route path="/verify" component={ShiftVerifyQueue} />
        <Route path="/reports" component={VolunteerReports} />
        <Route path="/calls" component={BranchCalls} />
      </Route>
      <Route path="/board" component={BoardPage} />
      <Route path="/board/meeting" component={BoardMeeting} />
      <Route path="/board/:number" component={CaseDetail} />
      <Route path="/sign-in" component={SignInPage} />
      <Route path="*" component={NotFoundPage} />
    </Router>
  </Provider>
);
