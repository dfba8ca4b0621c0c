import { ClipboardCheck, FileText, FolderOpen, Gauge, ListChecks, Settings, type LucideIcon } from 'lucide-react';

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
  { id: 'export', label: 'Export', icon: FileText, summary: 'Word documents and evidence packages for auditors.' },
  { id: 'settings', label: 'Settings', icon: Settings, summary: 'Organization, people, storage and preferences.' },
];

export const DEFAULT_SECTION = 'dashboard';
