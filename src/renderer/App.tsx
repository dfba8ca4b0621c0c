import { Placeholder } from './components/Placeholder';
import { Sidebar } from './components/Sidebar';
import { StatusBar } from './components/StatusBar';
import { useHashRoute } from './hooks/useHashRoute';
import { DEFAULT_SECTION, SECTIONS } from './sections';

export function App() {
  const [route, navigate] = useHashRoute(DEFAULT_SECTION);
  const sectionId = route.split('/')[0];
  const section = SECTIONS.find((s) => s.id === sectionId) ?? SECTIONS[0]!;
  return (
    <div className="app-frame">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <img src="/icon.svg" alt="" width={24} height={24} />
        <span className="product">CSMS Workbook</span>
        <span className="topbar-note">IEC 62443-2-1 security program</span>
      </header>
      <Sidebar sections={SECTIONS} current={section.id} onNavigate={navigate} />
      <main id="main" className="content" tabIndex={-1}>
        <Placeholder section={section} />
      </main>
      <StatusBar />
    </div>
  );
}
