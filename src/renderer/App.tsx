import { useAutoBackup } from './bundle/useAutoBackup';
import { useLiveQuery } from 'dexie-react-hooks';
import { Suspense, type ReactNode } from 'react';
import { AssessmentsScreen } from './assessment/AssessmentsScreen';
import { WorkspaceScreen } from './assessment/WorkspaceScreen';
import { lazyScreen } from './components/lazyScreen';
import { Placeholder } from './components/Placeholder';
import { Sidebar } from './components/Sidebar';
import { StatusBar } from './components/StatusBar';
import { ToastHost } from './components/ToastHost';
import { useHashRoute } from './hooks/useHashRoute';
import { useIdlePreload } from './hooks/useIdlePreload';
import { readOrganization } from './db/queries/profile';
import { DEFAULT_SECTION, SECTIONS } from './sections';
import { FirstStart } from './setup/FirstStart';
import { useTheme } from './workbook/useTheme';
import { useWorkbook } from './workbook/WorkbookContext';
import { useDraftReplay } from './workbook/useDraftReplay';
import { WorkbookNotices } from './workbook/WorkbookNotices';
import { WorkbookProvider } from './workbook/WorkbookProvider';
import { visibleText } from '../core/format/visibleText';

// Screens other than the workspace load on first use, keeping start-up light.
const EvidenceScreen = lazyScreen(() => import('./evidence/EvidenceScreen').then((m) => m.EvidenceScreen)).Screen;
const RemediationScreen = lazyScreen(() => import('./remediation/RemediationScreen').then((m) => m.RemediationScreen)).Screen;
const dashboard = lazyScreen(() => import('./dashboard/DashboardScreen').then((m) => m.DashboardScreen));
const DashboardScreen = dashboard.Screen;
const ExportScreen = lazyScreen(() => import('./export/ExportScreen').then((m) => m.ExportScreen)).Screen;
const CompareScreen = lazyScreen(() => import('./compare/CompareScreen').then((m) => m.CompareScreen)).Screen;
const PortfolioScreen = lazyScreen(() => import('./portfolio/PortfolioScreen').then((m) => m.PortfolioScreen)).Screen;
const ChangeLogScreen = lazyScreen(() => import('./changelog/ChangeLogScreen').then((m) => m.ChangeLogScreen)).Screen;
const ConductScreen = lazyScreen(() => import('./conduct/ConductScreen').then((m) => m.ConductScreen)).Screen;
const SettingsScreen = lazyScreen(() => import('./settings/SettingsScreen').then((m) => m.SettingsScreen)).Screen;
// Fetched ahead once the app is idle: the dashboard carries the chart library, the heaviest code to load.
const PRELOADED = [dashboard.preload];

function screenFor(parts: string[], navigate: (route: string) => void): ReactNode {
  const [section, id, requirement] = parts;
  const open = (assessmentId: string) => navigate(`assessment/${assessmentId}`);
  switch (section) {
    case 'assessment':
      // #/assessment/<id>/conduct: requirement IDs never read "conduct".
      if (id && requirement === 'conduct') return <ConductScreen assessmentId={id} />;
      return id ? (
        <WorkspaceScreen assessmentId={id} requirementId={requirement ? decodeURIComponent(requirement) : undefined} navigate={navigate} />
      ) : (
        <AssessmentsScreen onOpen={open} />
      );
    case 'dashboard':
      return <DashboardScreen />;
    case 'evidence':
      return <EvidenceScreen />;
    case 'export':
      return <ExportScreen />;
    case 'compare':
      return <CompareScreen navigate={navigate} />;
    case 'portfolio':
      return <PortfolioScreen />;
    case 'log':
      return <ChangeLogScreen navigate={navigate} />;
    case 'remediation':
      return <RemediationScreen navigate={navigate} />;
    case 'settings':
      return <SettingsScreen />;
    default:
      return <Placeholder section={SECTIONS.find((s) => s.id === section) ?? SECTIONS[0]!} />;
  }
}

function Frame() {
  useTheme();
  useDraftReplay();
  useAutoBackup();
  const db = useWorkbook();
  const organization = useLiveQuery(() => readOrganization(db), [db]);
  const [route, navigate] = useHashRoute(DEFAULT_SECTION);
  useIdlePreload(PRELOADED, !!organization);
  const parts = route.split('/');
  const section = SECTIONS.find((s) => s.id === parts[0]) ?? SECTIONS[0]!;
  let content: ReactNode;
  if (organization === undefined) content = <p role="status">Loading…</p>;
  else if (organization === null) content = <FirstStart />;
  else content = screenFor([section.id, ...parts.slice(1)], navigate);
  return (
    <div className="app-frame">
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          // The hash is the route, so move focus instead of following the link.
          event.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        Skip to content
      </a>
      <header className="topbar">
        <img src="/icon.svg" alt="" width={24} height={24} />
        <span className="product">CSMS Workbook</span>
        <span className="topbar-note">{organization?.name ?? 'IEC 62443-2-1 security program'}</span>
        {/* As a reader sees it: a marking stored by an older version may still hold direction controls. */}
        {visibleText(organization?.classification) && <span className="marking">{visibleText(organization?.classification)}</span>}
      </header>
      <Sidebar sections={SECTIONS} current={section.id} onNavigate={navigate} />
      <main id="main" className="content" tabIndex={-1}>
        <WorkbookNotices />
        <Suspense fallback={<p role="status">Loading…</p>}>{content}</Suspense>
      </main>
      <StatusBar />
    </div>
  );
}

export function App() {
  return (
    <WorkbookProvider>
      <ToastHost>
        <Frame />
      </ToastHost>
    </WorkbookProvider>
  );
}
