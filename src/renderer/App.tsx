import { useAutoBackup } from './bundle/useAutoBackup';
import { useLiveQuery } from 'dexie-react-hooks';
import { lazy, Suspense, type ReactNode } from 'react';
import { AssessmentsScreen } from './assessment/AssessmentsScreen';
import { WorkspaceScreen } from './assessment/WorkspaceScreen';
import { Placeholder } from './components/Placeholder';
import { Sidebar } from './components/Sidebar';
import { StatusBar } from './components/StatusBar';
import { ToastHost } from './components/ToastHost';
import { useHashRoute } from './hooks/useHashRoute';
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
const EvidenceScreen = lazy(() => import('./evidence/EvidenceScreen').then((m) => ({ default: m.EvidenceScreen })));
const RemediationScreen = lazy(() => import('./remediation/RemediationScreen').then((m) => ({ default: m.RemediationScreen })));
const DashboardScreen = lazy(() => import('./dashboard/DashboardScreen').then((m) => ({ default: m.DashboardScreen })));
const ExportScreen = lazy(() => import('./export/ExportScreen').then((m) => ({ default: m.ExportScreen })));
const CompareScreen = lazy(() => import('./compare/CompareScreen').then((m) => ({ default: m.CompareScreen })));
const PortfolioScreen = lazy(() => import('./portfolio/PortfolioScreen').then((m) => ({ default: m.PortfolioScreen })));
const ChangeLogScreen = lazy(() => import('./changelog/ChangeLogScreen').then((m) => ({ default: m.ChangeLogScreen })));
const ConductScreen = lazy(() => import('./conduct/ConductScreen').then((m) => ({ default: m.ConductScreen })));
const SettingsScreen = lazy(() => import('./settings/SettingsScreen').then((m) => ({ default: m.SettingsScreen })));

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
