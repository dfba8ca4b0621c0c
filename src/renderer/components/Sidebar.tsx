/** The main navigation. It folds to icons (each link keeps its name and a tooltip) to leave room on small screens. */
import { PanelLeftClose, PanelLeftOpen } from 'lucide-react';
import { useId } from 'react';
import { useSidebarCollapsed } from '../hooks/useSidebarCollapsed';
import type { Section } from '../sections';

interface SidebarProps {
  sections: readonly Section[];
  current: string;
  onNavigate: (id: string) => void;
}

export function Sidebar({ sections, current, onNavigate }: SidebarProps) {
  const [collapsed, toggle] = useSidebarCollapsed();
  const listId = useId();
  const toggleLabel = collapsed ? 'Expand the sidebar' : 'Collapse the sidebar';
  const ToggleIcon = collapsed ? PanelLeftOpen : PanelLeftClose;
  return (
    <nav className={`sidebar${collapsed ? ' collapsed' : ''}`} aria-label="Main">
      <button
        type="button"
        className="sidebar-toggle"
        aria-label={toggleLabel}
        title={toggleLabel}
        aria-expanded={!collapsed}
        aria-controls={listId}
        onClick={toggle}
      >
        <ToggleIcon aria-hidden="true" size={18} />
      </button>
      <ul id={listId}>
        {sections.map(({ id, label, icon: Icon }) => (
          <li key={id}>
            <a
              href={`#/${id}`}
              className="nav-link"
              aria-current={id === current ? 'page' : undefined}
              title={collapsed ? label : undefined}
              onClick={(event) => {
                event.preventDefault();
                onNavigate(id);
              }}
            >
              <Icon aria-hidden="true" size={18} />
              <span className="nav-label">{label}</span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
