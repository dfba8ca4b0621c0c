import type { ReactNode } from 'react';
import { Placeholder } from './components/Placeholder';
import { Sidebar } from './components/Sidebar';
import { StatusBar } from './components/StatusBar';
import { EvidenceScreen } from './evidence/EvidenceScreen';
import { useHashRoute } from './hooks/useHashRoute';
import { DEFAULT_SECTION, SECTIONS, type Section } from './sections';
import { SettingsScreen } from './settings/SettingsScreen';
import { useTheme } from './workbook/useTheme';
import { WorkbookProvider } from './workbook/WorkbookProvider';

function screenFor(section: Section): ReactNode {
  switch (section.id) {
    case 'evidence':
      return <EvidenceScreen />;
    case 'settings':
      return <SettingsScreen />;
    default:
      return <Placeholder section={section} />;
  }
}

function Frame() {
  useTheme();
  const [route, navigate] = useHashRoute(DEFAULT_SECTION);
  const sectionId = route.split('/')[0];
  const section = SECTIONS.find((s) => s.id === sectionId) ?? SECTIONS[0]!;
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
        <span className="topbar-note">IEC 62443-2-1 security program</span>
      </header>
      <Sidebar sections={SECTIONS} current={section.id} onNavigate={navigate} />
      <main id="main" className="content" tabIndex={-1}>
        {screenFor(section)}
      </main>
      <StatusBar />
    </div>
  );
}

export function App() {
  return (
    <WorkbookProvider>
      <Frame />
    </WorkbookProvider>
  );
}
