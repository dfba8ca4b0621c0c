/**
 * The sample workbook: a fictional water utility part-way through its first self-assessment against
 * IEC 62443-2-1:2024. Pure description, no database: the renderer writes it through the repository.
 * Every date is placed relative to `today`, so the sample always shows some evidence that has expired,
 * some about to expire, and actions both overdue and upcoming.
 */
import type { ActionPriority, ActionStatus, MaturityLevel } from '../workbook/model';
import { csvFile, pdfDocument, pngDiagram, type DiagramBox, type DiagramLine, type Rgb } from './sampleFiles';

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

const RESPONSES: SampleResponse[] = [
  // ORG
  r('ORG 1.1', 2, {
    narrative:
      'The OT security policy (OT-POL-001) was approved by the general manager and names the treatment plant, the pump stations and the telemetry network as in scope. Objectives are set each year, but progress is only reported informally at the operations meeting.',
    gaps: 'No management review with minutes yet; objectives have no measures. The policy is due for its annual review within the month.',
  }),
  r('ORG 1.4', 3, {
    narrative:
      'All operators, maintenance technicians and regular contractors complete a 45-minute OT awareness module when they start and every year after. The module uses our own examples: a USB stick found near the filtration HMI, an unexpected call from someone claiming to be the SCADA vendor. Completion is tracked in the training record export.',
  }),
  r('ORG 1.6', 1, {
    narrative:
      'Purchase orders for the SCADA integrator and the PLC vendor include a general confidentiality clause. Security expectations for remote support, patch delivery and personnel are not written down, and we have never checked how the integrator protects our project files.',
    gaps: 'Write OT security requirements into supplier contracts at the next renewal and ask the integrator for evidence of their own controls.',
  }),
  r('ORG 2.1', 2, {
    narrative:
      'A high-level risk assessment of the treatment process was done with the integrator two years ago, using the utility enterprise risk matrix and rating consequences to water quality and supply. Treatment decisions were recorded, but several have no owner and the register has not been revisited since.',
    gaps: 'Risk register not reviewed since it was created; owners missing for four treatment decisions; no risk acceptance by management.',
  }),
  r('ORG 3.1', 2, {
    targetLevel: 2,
    narrative:
      'The control room and the server room at the plant need a badge, and badge access is reviewed every quarter by the plant manager. The twelve remote pump stations have keyed padlocks and intrusion alarms that report over telemetry.',
    gaps: 'The door of the chlorination building was found propped open during the walk-down; the door closer needs repair.',
  }),
  // CM
  r('CM 1.1', 3, {
    narrative:
      'An asset inventory covers the SCADA servers, the historian, engineering workstations, the PLCs at filtration and chlorination, and the network switches and firewalls, with model, firmware and location. It is refreshed each quarter by the control systems engineer from the engineering software and a switch port export.',
    review: {
      status: 'flagged',
      comment:
        'The inventory export lists the pump station RTUs without firmware versions and omits the network switches in the pump station kiosks. ML3 looks generous until those are in; please reconsider or add them. (H. Kowalczyk)',
    },
  }),
  r('CM 1.2', 2, {
    narrative:
      'A zone and conduit drawing of the plant control network was produced this year and shows the enterprise network, the DMZ, the SCADA zone, the two process cells and the telemetry zone. Pump station wiring and panel layouts are still only on the original construction drawings.',
    gaps: 'Drawings are not yet under change control, so nothing ensures they are updated after a project.',
  }),
  r('CM 1.4', 3, {
    narrative:
      'Changes to PLC logic, HMI screens and network devices need a change request in the maintenance system with a security and process impact section, sign-off by the plant manager and a test on the filtration test bench where possible. Emergency changes are documented within two working days.',
  }),
  // NET
  r('NET 1.1', 3, {
    targetLevel: 4,
    narrative:
      'A pair of firewalls separates the corporate network from the industrial DMZ, and a second pair separates the DMZ from the SCADA zone; nothing routes directly from corporate to control. Historian data reaches corporate users through a replica in the DMZ. Firewall rules are reviewed every quarter against the documented conduits.',
    gaps: 'Target is ML4: the rule review is manual and not yet measured. Three legacy rules for a decommissioned reporting server are still open pending removal.',
  }),
  r('NET 1.2', 3, {
    narrative:
      'Each zone and conduit in the drawing has a short record of its purpose, allowed protocols (Modbus TCP, OPC UA, DNP3 to the pump stations) and the firewall enforcing it. The firewall rule review compares the live rules against those records.',
  }),
  r('NET 2.1', null, {
    applicable: false,
    justification:
      'There is no wireless technology in or connected to the control system: the pump station telemetry runs over the authority fibre ring and leased lines, and Wi-Fi in the administration building is on the corporate network only. Confirmed in the walk-down and the switch port review.',
    narrative: '',
  }),
  r('NET 3.1', 2, {
    narrative:
      'The only approved remote access path is the jump host in the DMZ. A survey of engineering workstations found and removed one unsanctioned remote desktop tool left by a former integrator.',
    gaps: 'No regular scan for remote access software or unmanaged modems; the survey was a one-off.',
  }),
  r('NET 3.2', 1, {
    narrative:
      'Internal staff reach the SCADA zone through the DMZ jump host with an individual account. The SCADA vendor, however, still has a permanent site-to-site VPN into the DMZ that is not approved per session and is logged only on the vendor side.',
    gaps: 'Vendor access bypasses per-session approval and our own logging; the tunnel is always up.',
  }),
  // COMP
  r('COMP 1.2', 1, {
    targetLevel: 2,
    narrative:
      'A rule forbids personal USB drives on control system computers, but there are no dedicated, inventoried drives and no scanning station. Engineers move files to the filtration HMI with whatever drive is at hand.',
    gaps: 'Introduce dedicated USB media and a scanning kiosk; the walk-down found an unmarked drive inside an HMI cabinet.',
  }),
  r('COMP 2.2', 3, {
    narrative:
      'The SCADA servers, historian and engineering workstations run the endpoint protection product approved by the SCADA vendor, with signatures updated daily from the DMZ update server. The filtration and chlorination HMIs are thin clients with application allowlisting instead.',
  }),
  r('COMP 3.3', 2, {
    narrative:
      'Installed patch levels for Windows hosts come from the update server report, and the PLC firmware versions are in the asset inventory. Pending patches and the reason for waiting are known to the engineer but not recorded anywhere.',
    gaps: 'No single view of installed versus available patches per asset.',
  }),
  r('COMP 3.5', 2, {
    narrative:
      'The chlorination PLCs run firmware with a published vulnerability that the vendor will only fix in the next major release. As an interim measure, the PLC programming port is blocked at the cell firewall except from the engineering workstation during approved changes.',
    gaps: 'Compensating measures are agreed by e-mail only and not reviewed when the vendor releases updates.',
  }),
  // DATA
  r('DATA 1.3', null, {
    applicable: false,
    justification:
      'The plant has no safety instrumented system. Chlorination uses sodium hypochlorite solution rather than chlorine gas, and the dosing overfeed protection is hardwired interlocks outside the PLCs, so there is no safety controller with a configuration mode to manage.',
    narrative: '',
  }),
  r('DATA 1.7', 1, {
    narrative:
      'PLC programs are kept as project files on the engineering workstation, with the last known good version copied to the backup share after each change. Nothing compares the running logic against the stored version, so an unauthorised change would only be found by chance.',
    gaps: 'No change detection for controller logic and setpoints.',
  }),
  // USER
  r('USER 1.2', 1, {
    narrative:
      'When employees leave, HR sends a leaver notice and IT disables the domain account, which also covers the SCADA domain. Contractor and vendor accounts on the jump host and the local HMI accounts are not part of that process.',
    gaps: 'Two accounts of contractors who left last year were found still active on the jump host.',
  }),
  r('USER 1.5', 3, {
    narrative:
      'Operators log on to the HMIs with an operator role that cannot change logic or alarm limits. Engineers use standard accounts for daily work and a separate administrative account on the engineering workstations, and local administrator rights were removed from operator stations.',
  }),
  r('USER 1.9', 2, {
    targetLevel: 4,
    narrative:
      'Staff logging on to the jump host from outside the plant network use a one-time code from the corporate authenticator app in addition to their password.',
    gaps: 'The vendor VPN uses a certificate and shared password only, without a second factor; MFA is not yet required for privileged access inside the SCADA zone.',
  }),
  r('USER 1.12', 2, {
    narrative:
      'The shared operator account on the control room HMIs is documented, and its password is held in the plant safe and changed when an operator leaves. A shared engineering password for the PLC programming software is still known to former integrator staff.',
    gaps: 'The PLC project password has not been changed since commissioning.',
  }),
  // EVENT
  r('EVENT 1.1', 2, {
    narrative:
      'Firewall, jump host and domain controller logs go to the corporate log platform, and alerts for failed logons and rule changes reach the IT service desk. PLC mode changes and traffic inside the SCADA zone are not monitored.',
    gaps: 'No visibility of controller mode changes or unusual Modbus traffic; the service desk does not know the process.',
  }),
  r('EVENT 1.4', 3, {
    narrative:
      'Logging is enabled on the firewalls, jump host, SCADA servers and historian, with clocks synchronised from the GPS time server in the SCADA zone. Logs are forwarded centrally and kept for one year.',
  }),
  r('EVENT 1.8', 1, {
    narrative:
      'An OT incident response plan was written two years ago with roles, contacts at the vendor and the national CERT, and instructions for switching the plant to local manual control. It has never been exercised and several contacts have changed.',
    gaps: 'Plan out of date and past its review date; no exercise held; no criteria for when to isolate the plant from the corporate network.',
  }),
  // AVAIL
  r('AVAIL 1.1', 2, {
    narrative:
      'The business continuity plan covers loss of the SCADA system: operators can run filtration and chlorination from the local panels, and the reservoirs give about 18 hours of supply. Recovery time objectives for the control systems have been agreed with operations.',
    gaps: 'The manual operation procedure has not been rehearsed with a full shift.',
  }),
  r('AVAIL 2.1', 3, {
    narrative:
      'PLC programs are saved after every change; SCADA server and historian images are taken weekly and switch and firewall configurations monthly. Backups are written to a backup server in the SCADA zone and copied each month to an encrypted disk kept in the administration building safe.',
  }),
  r('AVAIL 2.3', 3, {
    narrative:
      'Backup jobs are checked daily for completion, and a full restore of the SCADA server to spare hardware was carried out during the last plant upgrade.',
    review: {
      status: 'flagged',
      comment:
        'The only restore test on file is the report from the upgrade, and it has passed its review date. Without a recent test restore, ML3 is hard to support. (H. Kowalczyk)',
    },
  }),
];

function r(
  requirementId: string,
  achievedLevel: MaturityLevel | null,
  rest: Omit<SampleResponse, 'requirementId' | 'achievedLevel' | 'applicable'> & { applicable?: boolean },
): SampleResponse {
  return { requirementId, achievedLevel, applicable: rest.applicable ?? true, ...rest };
}

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
