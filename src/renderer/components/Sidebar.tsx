import type { Section } from '../sections';

interface SidebarProps {
  sections: readonly Section[];
  current: string;
  onNavigate: (id: string) => void;
}

export function Sidebar({ sections, current, onNavigate }: SidebarProps) {
  return (
    <nav className="sidebar" aria-label="Main">
      <ul>
        {sections.map(({ id, label, icon: Icon }) => (
          <li key={id}>
            <a
              href={`#/${id}`}
              className="nav-link"
              aria-current={id === current ? 'page' : undefined}
              onClick={(event) => {
                event.preventDefault();
                onNavigate(id);
              }}
            >
              <Icon aria-hidden="true" size={18} />
              <span>{label}</span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
