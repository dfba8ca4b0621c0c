/**
 * The sample workbook: a fictional water utility part-way through its first self-assessment against
 * IEC 62443-2-1:2024. Pure description, no database: the renderer writes it through the repository.
 * Every date is placed relative to `today`, so the sample always shows some evidence that has expired,
 * some about to expire, and actions both overdue and upcoming.
 */
import type { ActionPriority, ActionStatus, MaturityLevel } from '../workbook/model';
import { csvFile, pdfDocument, pngDiagram, type DiagramBox, type DiagramLine, type Rgb } from './sampleFiles';
import { RESPONSES } from './sampleResponses';

export type SamplePersonKey = 'securityLead' | 'plantManager' | 'controlsEngineer' | 'auditor';

export interface SamplePerson {
  key: SamplePersonKey;
  name: string;
  role: string;
  email: string;
}

export interface SampleResponse {
  requirementId: string;
  applicable: boolean;
  /** Required when not applicable. */
  justification?: string;
  /** null: not assessed (used for the not-applicable answers). */
  achievedLevel: MaturityLevel | null;
  /** Set only where this requirement's target differs from the assessment default. */
  targetLevel?: MaturityLevel;
  narrative: string;
  gaps?: string;
  review?: { status: 'flagged'; comment: string };
}

interface SampleEvidenceBase {
  title: string;
  owner: SamplePersonKey;
  collectedOn?: string;
  expiresOn?: string;
  /** Requirement IDs the evidence supports; the first is linked when the evidence is added. */
  requirementIds: string[];
}

export interface SampleFileEvidence extends SampleEvidenceBase {
  kind: 'file';
  fileName: string;
  mediaType: string;
  bytes: Uint8Array;
}

export interface SampleLinkEvidence extends SampleEvidenceBase {
  kind: 'link';
  /** A document number or file-share path; never a fetchable URL. */
  location: string;
}

export interface SampleNoteEvidence extends SampleEvidenceBase {
  kind: 'note';
  note: string;
}

export type SampleEvidence = SampleFileEvidence | SampleLinkEvidence | SampleNoteEvidence;

export interface SampleAction {
  requirementId: string;
  description: string;
  owner: SamplePersonKey;
  priority: ActionPriority;
  status: ActionStatus;
  dueDate: string;
}

export interface SampleWorkbook {
  organization: { name: string; classification: string };
  sites: { name: string; location: string }[];
  people: SamplePerson[];
  /** Who is recorded as making the changes. */
  actor: SamplePersonKey;
  assessment: {
    name: string;
    /** Index into sites. */
    site: number;
    catalogueId: string;
    catalogueVersion: string;
    periodStart: string;
    periodEnd: string;
    scope: string[];
    defaultTargetLevel: MaturityLevel;
  };
  responses: SampleResponse[];
  evidence: SampleEvidence[];
  actions: SampleAction[];
}

/** The local calendar date of `date` as YYYY-MM-DD. */
export function localIsoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The calendar date `days` after (or before) `today`. */
export function shiftDays(today: Date, days: number): string {
  return localIsoDate(new Date(today.getFullYear(), today.getMonth(), today.getDate() + days));
}

const PEOPLE: SamplePerson[] = [
  { key: 'securityLead', name: 'Dana Whitfield', role: 'OT security lead', email: 'dana.whitfield@nvwa.example' },
  { key: 'plantManager', name: 'Marcus Oyelaran', role: 'Plant manager', email: 'marcus.oyelaran@nvwa.example' },
  { key: 'controlsEngineer', name: 'Priya Raman', role: 'Control systems engineer', email: 'priya.raman@nvwa.example' },
  { key: 'auditor', name: 'Helen Kowalczyk', role: 'External auditor (Harbourline Assurance)', email: 'h.kowalczyk@harbourline.example' },
];

/** The plant's zones and conduits, as a picture for the network drawing evidence. */
function zoneDiagram(): Uint8Array {
  const grey: Rgb = [200, 204, 210];
  const amber: Rgb = [250, 214, 120];
  const blue: Rgb = [150, 190, 235];
  const green: Rgb = [160, 215, 160];
  const orange: Rgb = [245, 170, 110];
  const red: Rgb = [200, 40, 40];
  const ink: Rgb = [40, 48, 60];
  const box = (x: number, y: number, w: number, h: number, fill: Rgb): DiagramBox => ({ x, y, w, h, fill, border: ink });
  const boxes: DiagramBox[] = [
    box(160, 20, 320, 60, grey), // enterprise network
    box(200, 120, 240, 50, amber), // industrial DMZ
    box(120, 210, 400, 70, blue), // SCADA zone: servers, historian, engineering workstations
    box(60, 330, 200, 60, green), // filtration cell
    box(380, 330, 200, 60, green), // chlorination cell
    box(540, 210, 80, 70, orange), // telemetry to pump stations
  ];
  // Firewalls: small red blocks where conduits cross zone boundaries.
  for (const [x, y] of [
    [314, 96],
    [314, 186],
    [154, 300],
    [474, 300],
    [524, 240],
  ] as const)
    boxes.push({ x, y, w: 12, h: 12, fill: red });
  const conduit = (from: readonly [number, number], to: readonly [number, number]): DiagramLine => ({ from, to, colour: ink, width: 3 });
  const lines: DiagramLine[] = [
    conduit([320, 80], [320, 120]),
    conduit([320, 170], [320, 210]),
    conduit([160, 280], [160, 330]),
    conduit([480, 280], [480, 330]),
    conduit([520, 246], [540, 246]),
  ];
  return pngDiagram(640, 410, [255, 255, 255], boxes, lines);
}

export function sampleWorkbook(today: Date): SampleWorkbook {
  const day = (offset: number) => shiftDays(today, offset);
  const year = today.getFullYear();
  const names = Object.fromEntries(PEOPLE.map((p) => [p.key, p.name])) as Record<SamplePersonKey, string>;

  const pdf = (docNo: string, title: string, owner: SamplePersonKey, lines: string[]) =>
    pdfDocument(`${docNo} ${title}`, [
      `North Valley Water Authority - ${title}`,
      `Document ${docNo}. Owner: ${names[owner]}. Classification: TLP:AMBER.`,
      'Sample document generated by CSMS Workbook for demonstration; fictional content.',
      '',
      ...lines,
    ]);

  const evidence: SampleEvidence[] = [
    {
      kind: 'file',
      title: 'OT security policy (OT-POL-001 rev 3)',
      fileName: 'OT-POL-001 OT security policy rev3.pdf',
      mediaType: 'application/pdf',
      owner: 'securityLead',
      collectedOn: day(-340),
      expiresOn: day(21),
      requirementIds: ['ORG 1.1'],
      bytes: pdf('OT-POL-001', 'OT security policy', 'securityLead', [
        '1. Scope: the Riverside treatment plant, the twelve pump stations and the telemetry network.',
        '2. The general manager owns OT security; the OT security lead runs the program day to day.',
        '3. Control systems are separated from the corporate network; all remote access uses the DMZ jump host.',
        '4. Changes to control systems follow the change procedure OT-PROC-014.',
        '5. Suspected security events are reported to the control room at once, day or night.',
        '6. This policy is reviewed every year and after any significant incident or plant change.',
      ]),
    },
    {
      kind: 'file',
      title: 'Vendor remote access procedure (OT-PROC-022 rev 1)',
      fileName: 'OT-PROC-022 vendor remote access.pdf',
      mediaType: 'application/pdf',
      owner: 'securityLead',
      collectedOn: day(-120),
      expiresOn: day(245),
      requirementIds: ['NET 3.2', 'NET 3.1', 'USER 1.9'],
      bytes: pdf('OT-PROC-022', 'Vendor remote access procedure', 'securityLead', [
        'Purpose: control how suppliers reach the control systems for support.',
        'Step 1. The vendor asks the control room for a session, naming the system and the work.',
        'Step 2. The shift supervisor approves and enables the vendor account on the jump host for the day.',
        'Step 3. The vendor logs on with an individual account and a one-time code.',
        'Step 4. The session is recorded; the account is disabled again at the end of the shift.',
        'Note: the legacy vendor VPN is being replaced; until then it is tracked as an open risk.',
      ]),
    },
    {
      kind: 'file',
      title: 'OT incident response plan (OT-PLN-005 rev 1)',
      fileName: 'OT-PLN-005 incident response plan.pdf',
      mediaType: 'application/pdf',
      owner: 'securityLead',
      collectedOn: day(-760),
      expiresOn: day(-40),
      requirementIds: ['EVENT 1.8', 'AVAIL 1.1'],
      bytes: pdf('OT-PLN-005', 'OT incident response plan', 'securityLead', [
        'Roles: incident lead (OT security lead), process lead (shift supervisor), plant manager, IT security.',
        'First actions: keep water quality safe; move affected cells to local manual control if in doubt.',
        'Isolation: the plant manager may order the DMZ firewalls to block all corporate traffic.',
        'Contacts: SCADA vendor support line, integrator on-call engineer, national CERT, regulator.',
        'Evidence: do not power off affected hosts; note times and actions in the control room log.',
        'Return to normal: restore from known good backups and confirm logic against stored versions.',
      ]),
    },
    {
      kind: 'file',
      title: 'Control system asset inventory (quarterly export)',
      fileName: 'asset-inventory.csv',
      mediaType: 'text/csv',
      owner: 'controlsEngineer',
      collectedOn: day(-35),
      expiresOn: day(55),
      requirementIds: ['CM 1.1', 'COMP 3.3'],
      bytes: csvFile([
        ['Asset ID', 'Type', 'Make/model', 'Firmware/OS', 'Zone', 'Location', 'Owner'],
        ['SCADA-SRV-01', 'SCADA server', 'Rack server', 'Windows Server 2019', 'SCADA', 'Server room', 'P. Raman'],
        ['SCADA-SRV-02', 'SCADA server (standby)', 'Rack server', 'Windows Server 2019', 'SCADA', 'Server room', 'P. Raman'],
        ['HIST-01', 'Historian', 'Rack server', 'Windows Server 2019', 'SCADA', 'Server room', 'P. Raman'],
        ['EWS-01', 'Engineering workstation', 'Desktop', 'Windows 10 LTSC', 'SCADA', 'Control room', 'P. Raman'],
        ['PLC-FIL-01', 'PLC', 'Modular PLC, 16 I/O cards', '4.2.1', 'Filtration cell', 'Filter gallery, panel F1', 'P. Raman'],
        ['PLC-FIL-02', 'PLC', 'Modular PLC, 12 I/O cards', '4.2.1', 'Filtration cell', 'Filter gallery, panel F2', 'P. Raman'],
        ['PLC-CHL-01', 'PLC', 'Compact PLC', '2.8.0', 'Chlorination cell', 'Chlorination building', 'P. Raman'],
        ['HMI-FIL-01', 'HMI thin client', 'Panel PC 15"', 'Embedded, allowlisted', 'Filtration cell', 'Filter gallery', 'P. Raman'],
        ['FW-DMZ-01', 'Firewall', 'Industrial firewall', '7.4.3', 'DMZ boundary', 'Server room', 'D. Whitfield'],
        ['RTU-PS-01..12', 'RTU', 'Telemetry RTU', '', 'Telemetry', 'Pump stations 1-12', 'P. Raman'],
      ]),
    },
    {
      kind: 'file',
      title: 'Firewall rule review, DMZ and SCADA boundaries',
      fileName: 'firewall-rule-review.csv',
      mediaType: 'text/csv',
      owner: 'securityLead',
      collectedOn: day(-28),
      expiresOn: day(62),
      requirementIds: ['NET 1.1', 'NET 1.2'],
      bytes: csvFile([
        ['Rule', 'Source', 'Destination', 'Service', 'Conduit', 'Decision', 'Comment'],
        ['101', 'Corporate users', 'HIST-DMZ replica', 'HTTPS', 'C1 corporate-DMZ', 'Keep', 'Read-only reports'],
        ['102', 'DMZ jump host', 'SCADA zone', 'RDP', 'C2 DMZ-SCADA', 'Keep', 'Individual accounts, MFA'],
        ['103', 'HIST-01', 'HIST-DMZ replica', 'Historian replication', 'C2 DMZ-SCADA', 'Keep', 'Outbound only'],
        ['117', 'Corporate reporting server', 'HIST-01', 'SQL', 'C1 corporate-DMZ', 'Remove', 'Server decommissioned, "rule still open"'],
        ['118', 'Vendor VPN', 'DMZ', 'Any', 'C3 vendor', 'Restrict', 'Replace with brokered sessions'],
        ['205', 'EWS-01', 'PLC-CHL-01', 'Programming port', 'C5 SCADA-chlorination', 'Keep', 'Only during approved changes'],
      ]),
    },
    {
      kind: 'file',
      title: 'Zone and conduit drawing, Riverside plant',
      fileName: 'zone-conduit-diagram.png',
      mediaType: 'image/png',
      owner: 'controlsEngineer',
      collectedOn: day(-90),
      requirementIds: ['CM 1.2', 'NET 1.2'],
      bytes: zoneDiagram(),
    },
    {
      kind: 'file',
      title: 'OT awareness training completion record',
      fileName: 'ot-awareness-training.csv',
      mediaType: 'text/csv',
      owner: 'plantManager',
      collectedOn: day(-14),
      expiresOn: day(351),
      requirementIds: ['ORG 1.4'],
      bytes: csvFile([
        ['Name', 'Role', 'Module', 'Completed', 'Score'],
        ['Operator shift A (6 people)', 'Operators', 'OT awareness', day(-200), '92%'],
        ['Operator shift B (6 people)', 'Operators', 'OT awareness', day(-185), '88%'],
        ['Maintenance team (5 people)', 'Technicians', 'OT awareness', day(-170), '90%'],
        ['Integrator field staff (3 people)', 'Contractors', 'OT awareness, contractor version', day(-60), '85%'],
        ['Priya Raman', 'Control systems engineer', 'OT awareness', day(-210), '100%'],
      ]),
    },
    {
      kind: 'file',
      title: 'SCADA server restore test report',
      fileName: 'scada-restore-test-report.pdf',
      mediaType: 'application/pdf',
      owner: 'controlsEngineer',
      collectedOn: day(-540),
      expiresOn: day(-175),
      requirementIds: ['AVAIL 2.3', 'AVAIL 2.1'],
      bytes: pdf('OT-REC-031', 'SCADA server restore test report', 'controlsEngineer', [
        'Test: restore of SCADA-SRV-02 from the weekly image onto spare hardware during the plant upgrade.',
        'Result: server restored and joined to the redundant pair in 3 h 40 min; target 8 h.',
        'Issues: licence dongle had to be moved manually; one historian tag group needed re-import.',
        'Follow-up: repeat the test every year and include a filtration PLC restore on the test bench.',
      ]),
    },
    {
      kind: 'link',
      title: 'Change management procedure for control systems',
      location: 'DMS: OT-PROC-014 rev 4',
      owner: 'plantManager',
      collectedOn: day(-200),
      expiresOn: day(165),
      requirementIds: ['CM 1.4'],
    },
    {
      kind: 'link',
      title: `Badge access review, control and server rooms (${year})`,
      location: `\\\\nvwa-fs01\\OT-Security\\Physical-Access\\badge-review-${year}.xlsx`,
      owner: 'plantManager',
      collectedOn: day(-20),
      requirementIds: ['ORG 3.1'],
    },
    {
      kind: 'link',
      title: 'Joiner, mover and leaver checklist',
      location: 'DMS: HR-FORM-031 rev 2',
      owner: 'securityLead',
      collectedOn: day(-75),
      requirementIds: ['USER 1.2'],
    },
    {
      kind: 'note',
      title: 'Walk-down: unmarked USB drive in filtration HMI cabinet',
      note: 'During the site walk-down an unmarked USB drive was found on the shelf inside the filtration HMI cabinet (panel F1). Nobody on shift knew whose it was. It was handed to the OT security lead unopened and the cabinet was locked.',
      owner: 'securityLead',
      collectedOn: day(-10),
      requirementIds: ['COMP 1.2'],
    },
    {
      kind: 'note',
      title: 'Walk-down: chlorination building door propped open',
      note: 'The outer door of the chlorination building was wedged open for ventilation while a technician worked on the dosing pumps. The badge reader worked, but the door closer is broken, so the door does not shut by itself. Repair requested from facilities.',
      owner: 'securityLead',
      collectedOn: day(-10),
      requirementIds: ['ORG 3.1'],
    },
  ];

  const actions: SampleAction[] = [
    {
      requirementId: 'NET 3.2',
      description:
        'Replace the vendor site-to-site VPN with per-session access through the DMZ jump host, approved by the shift supervisor.',
      owner: 'securityLead',
      priority: 'critical',
      status: 'in-progress',
      dueDate: day(45),
    },
    {
      requirementId: 'EVENT 1.8',
      description: 'Update the OT incident response plan contacts and isolation criteria, then run a tabletop exercise with a shift crew.',
      owner: 'securityLead',
      priority: 'high',
      status: 'open',
      dueDate: day(-14),
    },
    {
      requirementId: 'AVAIL 2.3',
      description: 'Repeat the SCADA server restore test and restore a filtration PLC program on the test bench; file the report.',
      owner: 'controlsEngineer',
      priority: 'high',
      status: 'open',
      dueDate: day(20),
    },
    {
      requirementId: 'USER 1.2',
      description: 'Add jump host and local HMI accounts to the leaver checklist and disable the two stale contractor accounts.',
      owner: 'plantManager',
      priority: 'medium',
      status: 'in-progress',
      dueDate: day(-3),
    },
    {
      requirementId: 'COMP 1.2',
      description: 'Buy labelled, inventoried USB drives for control system use and set up a scanning kiosk in the control room.',
      owner: 'controlsEngineer',
      priority: 'medium',
      status: 'done',
      dueDate: day(-30),
    },
    {
      requirementId: 'CM 1.1',
      description: 'Add firmware versions of the pump station RTUs and the pump station kiosk switches to the asset inventory.',
      owner: 'controlsEngineer',
      priority: 'low',
      status: 'open',
      dueDate: day(90),
    },
  ];

  return {
    organization: { name: 'North Valley Water Authority', classification: 'TLP:AMBER' },
    sites: [
      { name: 'Riverside Water Treatment Plant', location: 'Riverside Road, North Valley' },
      { name: 'North Valley pump stations', location: 'Twelve remote sites on the distribution network' },
    ],
    people: PEOPLE,
    actor: 'securityLead',
    assessment: {
      name: `${year} CSMS self-assessment, Riverside plant (sample)`,
      site: 0,
      catalogueId: 'iec-62443-2-1-2024',
      catalogueVersion: '1.0.0',
      periodStart: `${year}-01-01`,
      periodEnd: `${year}-12-31`,
      scope: ['ORG', 'CM', 'NET', 'COMP', 'DATA', 'USER', 'EVENT', 'AVAIL'],
      defaultTargetLevel: 3,
    },
    responses: RESPONSES,
    evidence,
    actions,
  };
}
