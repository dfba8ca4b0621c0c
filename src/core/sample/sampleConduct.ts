/**
 * The sample assessment's conduct and scope: the Riverside plant as a system of zones and conduits,
 * who assessed it and how, the conclusion and the management statement. Fictional, in our own words.
 */
import type { Conduct } from '../records/conduct';
import { formatEvidenceId } from '../records/evidenceId';

/** The conduct with its referenced evidence given by position in the sample's evidence list (1 is the first). */
export type SampleConduct = Omit<Conduct, 'evidenceIds'> & { evidence: number[] };

/** Fieldwork five weeks ago, kept inside the assessment's calendar year. */
function fieldworkDays(year: number, day: (offset: number) => string): { fieldworkStart: string; fieldworkEnd: string } {
  const start = day(-40);
  const end = day(-36);
  return start.startsWith(`${year}-`)
    ? { fieldworkStart: start, fieldworkEnd: end }
    : { fieldworkStart: `${year}-01-05`, fieldworkEnd: `${year}-01-09` };
}

/** `day(n)` is the calendar date n days from today, as the rest of the sample places its dates. */
export function sampleConduct(year: number, day: (offset: number) => string): SampleConduct {
  return {
    boundary:
      'The industrial automation and control system of the Riverside water treatment plant: the field instruments and PLCs of intake, coagulation, filtration and chlorination, the supervisory control servers and HMIs in the control room, and the plant DMZ up to and including the firewall that separates it from the corporate network.',
    zones: [
      { name: 'Plant DMZ', kind: 'zone', description: 'Historian replica, patch and antivirus staging server, remote access jump host.' },
      { name: 'Supervisory control', kind: 'zone', description: 'SCADA servers, engineering workstations and the control room HMIs.' },
      { name: 'Treatment process control', kind: 'zone', description: 'PLCs and local HMIs for intake, coagulation and filtration.' },
      { name: 'Chlorination', kind: 'zone', description: 'Dosing PLC and gas leak detection panel in the chlorination building.' },
      {
        name: 'Corporate to DMZ',
        kind: 'conduit',
        description: 'Firewall FW-01: historian reads and jump host sessions with a one-time code only.',
      },
      {
        name: 'DMZ to supervisory',
        kind: 'conduit',
        description: 'Firewall FW-02: historian replication and patch distribution, initiated from the supervisory side.',
      },
      {
        name: 'Supervisory to process',
        kind: 'conduit',
        description: 'Managed switches with access lists: SCADA polling of PLCs; no other traffic allowed.',
      },
    ],
    exclusions:
      'The corporate network and business systems, the laboratory information system, and the twelve pump stations with their telemetry radio network, which are to be assessed on their own next year.',
    // The zone drawing, the firewall rule review and the asset inventory.
    evidence: [6, 5, 4],
    team: [
      { name: 'Dana Whitfield', role: 'Lead assessor (OT security lead)', independence: 'internal' },
      { name: 'Ravi Menon', role: 'Assessor (IT security analyst)', independence: 'internal' },
      { name: 'Samuel Achterberg', role: 'Assessor (corporate internal audit)', independence: 'independent-internal' },
    ],
    interviewees: [
      { name: 'Marcus Oyelaran', role: 'Plant manager' },
      { name: 'Priya Raman', role: 'Control systems engineer' },
      { name: 'Lena Fischer', role: 'Control room shift supervisor' },
      { name: 'Owen Batista', role: 'Instrumentation technician' },
    ],
    documentsReviewed: [
      'OT-POL-001 OT security policy, rev 3',
      'OT-PROC-022 Vendor remote access procedure, rev 1',
      'OT-PLN-005 OT incident response plan, rev 1',
      'OT-PROC-014 Change management procedure for control systems',
      'Rule sets of firewalls FW-01 and FW-02, as exported during the fieldwork',
      'Training completion records of the last twelve months',
    ],
    ...fieldworkDays(year, day),
    sampling:
      'All policies and procedures in scope were read in full. Of the control room and local HMIs, one per process area was inspected on site (four of eleven). Change records were sampled at five of the last twelve months; accounts were checked in full on the jump host and on the SCADA servers.',
    limitations:
      'The chlorination building was seen from the walk-down only, as the dosing PLC could not be opened during production. Backups were judged from the restore test report; no restore was witnessed.',
    conclusion:
      'The plant has a written security program that covers most requirements in scope, and its network is separated into zones with controlled conduits. Practice lags behind the documents: several requirements are written down but not yet shown to be carried out, and evidence is missing or out of date for a number of them.\n\nThe program stands at a managed level overall. Reaching the target of practised security needs the open actions on remote access, account removal and event monitoring to be completed and their records kept.',
    managementStatement:
      'North Valley Water Authority accepts the findings of this assessment. The plant manager owns the remediation plan and will report progress to the executive team each quarter, with the remote access and account actions given priority. Funding for the event monitoring work is included in next year’s budget request.',
  };
}

/** The conduct as the workbook stores it, with each referenced evidence's ID. */
export function conductRecord(sample: SampleConduct, idAt: (position: number) => string = formatEvidenceId): Conduct {
  const { evidence, ...rest } = sample;
  return { ...rest, evidenceIds: evidence.map(idAt) };
}
