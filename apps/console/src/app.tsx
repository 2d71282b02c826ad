/** Routes by who is signed in. */
import { lazy, Suspense, useEffect, useRef } from 'react';
import { Route, Routes, useLocation } from 'react-router';
import { useSession } from './auth/session';
import { Loading } from './components/loading';
import { Allowed } from './components/navigation';
import { Shell } from './components/shell';
import { AgendaPage } from './pages/committee/agenda';
import { CandidaciesListPage } from './pages/federation/candidacies-list';
import { InboxPage } from './pages/federation/inbox-page';
import { RegisterPage } from './pages/federation/register-page';
import { SessionsPage } from './pages/committee/sessions';
import { VisitReportPage } from './pages/committee/visit-report-page';
import { CandidacyPage } from './pages/candidacy';
import { CoopHomePage } from './pages/coop-home';
import { DossierPage, RenewalDossierPage } from './pages/dossier/dossier-page';
import { CheckpointReportPage, MidTermReportPage } from './pages/report/report-pages';
import { SignInPage } from './pages/sign-in';
import { TasksPage } from './pages/tasks';

// The indicators' charts (Recharts) are loaded with their page only: the first load stays light.
const KpisPage = lazy(() => import('./pages/federation/kpis-page').then((m) => ({ default: m.KpisPage })));

const TITLES: Array<[RegExp, string]> = [
  [/^\/candidatures\/[^/]+\/points-etape\/\d+$/, "Point d'étape"],
  [/^\/candidatures\/[^/]+\/mi-parcours$/, 'Bilan à mi-parcours'],
  [/^\/candidatures\/[^/]+\/renouvellement$/, 'Dossier de renouvellement'],
  [/^\/candidatures\/[^/]+\/dossier$/, 'Dossier de candidature'],
  [/^\/candidatures\/[^/]+\/compte-rendu-de-visite$/, 'Compte rendu de visite'],
  [/^\/seances\/.+$/, 'Ordre du jour'],
  [/^\/seances$/, 'Séances du comité'],
  [/^\/cooperatives$/, 'Registre des coopératives'],
  [/^\/indicateurs$/, 'Indicateurs'],
  [/^\/candidatures\//, 'Candidature'],
  [/^\/candidatures$/, 'Candidatures'],
  [/^\/$/, 'Accueil'],
];

/**
 * Each page names itself in the tab. After a move the person made (signing in, following a link)
 * focus goes to the new content, as a screen reader user expects; not on the first page shown
 * (nor when a session is restored on reload), where the skip link comes first.
 */
function usePageChange(state: 'loading' | 'signed-out' | 'signed-in') {
  const { pathname } = useLocation();
  const settled = useRef(false);
  useEffect(() => {
    const title = TITLES.find(([re]) => re.test(pathname))?.[1] ?? 'Console';
    document.title = `${title} — Quali'Coop`;
    if (state === 'loading') return;
    if (!settled.current) {
      settled.current = true;
      return;
    }
    document.getElementById('contenu')?.focus();
  }, [pathname, state]);
}

export function App() {
  const { status } = useSession();
  usePageChange(status.state);
  if (status.state === 'loading')
    return (
      <Shell>
        <Loading what="votre session" />
      </Shell>
    );
  const home = { coop: <CoopHomePage />, federation: <InboxPage />, committee: <TasksPage /> }[
    status.state === 'signed-in' ? status.me.role : 'coop'
  ];
  if (status.state === 'signed-out')
    return (
      <Shell>
        <SignInPage options={status.options} problem={status.problem} />
      </Shell>
    );
  return (
    <Shell>
      <Routes>
        <Route path="/" element={home} />
        <Route
          path="/candidatures"
          element={
            <Allowed roles={['federation']}>
              <CandidaciesListPage />
            </Allowed>
          }
        />
        <Route path="/candidatures/:id" element={<CandidacyPage />} />
        <Route path="/candidatures/:id/dossier" element={<DossierPage />} />
        <Route path="/candidatures/:id/renouvellement" element={<RenewalDossierPage />} />
        <Route path="/candidatures/:id/points-etape/:checkpoint" element={<CheckpointReportPage />} />
        <Route path="/candidatures/:id/mi-parcours" element={<MidTermReportPage />} />
        <Route
          path="/candidatures/:id/compte-rendu-de-visite"
          element={
            <Allowed roles={['committee']}>
              <VisitReportPage />
            </Allowed>
          }
        />
        <Route
          path="/cooperatives"
          element={
            <Allowed roles={['federation']}>
              <RegisterPage />
            </Allowed>
          }
        />
        <Route
          path="/indicateurs"
          element={
            <Allowed roles={['federation']}>
              <Suspense fallback={<Loading what="les indicateurs" />}>
                <KpisPage />
              </Suspense>
            </Allowed>
          }
        />
        <Route
          path="/seances"
          element={
            <Allowed roles={['committee', 'federation']}>
              <SessionsPage />
            </Allowed>
          }
        />
        <Route
          path="/seances/:sessionId"
          element={
            <Allowed roles={['committee', 'federation']}>
              <AgendaPage />
            </Allowed>
          }
        />
        <Route path="*" element={home} />
      </Routes>
    </Shell>
  );
}
