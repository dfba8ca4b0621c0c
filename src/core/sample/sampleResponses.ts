/** The sample assessment's answers: about a third of the requirements, in the plant's own words. */
import type { MaturityLevel } from '../records/model';
import type { SampleResponse } from './sampleData';

export const RESPONSES: SampleResponse[] = [
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
