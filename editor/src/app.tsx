import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Switch, useRoute } from 'wouter';
import { AcceptInvitationPage } from './auth/accept-invitation-page';
import { AccessProvider } from './auth/access';
import { LoginPage } from './auth/login-page';
import { useMe } from './auth/use-me';
import { JourneysPage } from './journeys/journeys-page';
import { Layout } from './shell/layout';

const JourneyEditorPage = lazy(() => import('./canvas/journey-editor-page'));
const KpiPage = lazy(() => import('./kpis/kpi-page'));
const PilotReport = lazy(() => import('./kpis/pilot-report'));
const RunsPage = lazy(() => import('./runs/runs-page'));
const RunPage = lazy(() => import('./runs/run-page'));
const ContactsPage = lazy(() => import('./contacts/contacts-page'));
const ContactPage = lazy(() => import('./contacts/contact-page'));
const SandboxPage = lazy(() => import('./sandbox/sandbox-page'));
const ChannelsPage = lazy(() => import('./channels/channels-page'));
const SourcesPage = lazy(() => import('./sources/sources-page'));
const TeamPage = lazy(() => import('./team/team-page'));
const InboxPage = lazy(() => import('./inbox/inbox-page'));

export function App() {
  const { t } = useTranslation();
  const me = useMe();
  const [invited, invitation] = useRoute('/invitations/:token');
  // An invitation link works signed in or not: accepting it signs in as the invitee.
  if (invited) return <AcceptInvitationPage token={invitation.token} />;
  if (me.isLoading) return <p className="empty">{t('common.loading')}</p>;
  const user = me.data;
  if (!user) return <LoginPage />;
  const fallback = <p className="empty">{t('common.loading')}</p>;
  return (
    <AccessProvider me={user}>
      <Suspense fallback={fallback}>
        <Switch>
          <Route path="/journeys/:id/report">
            {(params) => (
              <Layout me={user}>
                <PilotReport journeyId={params.id} />
              </Layout>
            )}
          </Route>
          <Route path="/journeys/:id/kpis">
            {(params) => (
              <Layout me={user}>
                <KpiPage journeyId={params.id} />
              </Layout>
            )}
          </Route>
          <Route path="/journeys/:id">
            {(params) => (
              <Layout me={user} wide>
                <JourneyEditorPage journeyId={params.id} />
              </Layout>
            )}
          </Route>
          <Route path="/runs/:id">
            {(params) => (
              <Layout me={user}>
                <RunPage runId={params.id} />
              </Layout>
            )}
          </Route>
          <Route path="/runs">
            <Layout me={user}>
              <RunsPage />
            </Layout>
          </Route>
          <Route path="/contacts/:id">
            {(params) => (
              <Layout me={user}>
                <ContactPage contactId={params.id} />
              </Layout>
            )}
          </Route>
          <Route path="/contacts">
            <Layout me={user}>
              <ContactsPage />
            </Layout>
          </Route>
          <Route path="/channels">
            <Layout me={user}>
              <ChannelsPage />
            </Layout>
          </Route>
          <Route path="/sources">
            <Layout me={user}>
              <SourcesPage />
            </Layout>
          </Route>
          <Route path="/team">
            <Layout me={user}>
              <TeamPage me={user} />
            </Layout>
          </Route>
          <Route path="/inbox/:id?">
            <Layout me={user} wide>
              <InboxPage me={user} />
            </Layout>
          </Route>
          <Route path="/sandbox/:contactId?">
            {(params) => (
              <Layout me={user} wide>
                <SandboxPage contactId={params.contactId} />
              </Layout>
            )}
          </Route>
          <Route>
            <Layout me={user}>
              <JourneysPage />
            </Layout>
          </Route>
        </Switch>
      </Suspense>
    </AccessProvider>
  );
}
