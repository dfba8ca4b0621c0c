import {
  ClipboardCheck,
  FileText,
  FolderOpen,
  Gauge,
  GitCompare,
  History,
  LayoutGrid,
  ListChecks,
  Settings,
  type LucideIcon,
} from 'lucide-react';

export interface Section {
  id: string;
  label: string;
  icon: LucideIcon;
  summary: string;
}

/** The app's main screens, in navigation order. */
export const SECTIONS: readonly Section[] = [
  {
    id: 'dashboard',
    label: 'Dashboard',
    icon: Gauge,
    summary: 'Where the program stands: progress, maturity against target, coverage and gaps.',
  },
  {
    id: 'assessment',
    label: 'Assessment',
    icon: ClipboardCheck,
    summary: 'Work through the security program elements and their requirements.',
  },
  { id: 'evidence', label: 'Evidence', icon: FolderOpen, summary: 'Every document, record and observation that supports an answer.' },
  { id: 'remediation', label: 'Remediation', icon: ListChecks, summary: 'Actions that close the gaps, with owners and due dates.' },
  { id: 'compare', label: 'Compare', icon: GitCompare, summary: 'What changed between two assessments of a site.' },
  { id: 'portfolio', label: 'Portfolio', icon: LayoutGrid, summary: 'Many sites side by side, from their bundles, read-only.' },
  { id: 'log', label: 'Change log', icon: History, summary: 'Who changed what and when, with the chain’s verdict.' },
  { id: 'export', label: 'Export', icon: FileText, summary: 'Word documents and evidence packages for auditors.' },
  { id: 'settings', label: 'Settings', icon: Settings, summary: 'Organization, people, storage and preferences.' },
];

export const DEFAULT_SECTION = 'dashboard';
