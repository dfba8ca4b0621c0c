/** A small valid catalogue, as text, for the catalogue tests to break one piece at a time. */
import type { SourceFile } from './types';

export const manifestText = `format: 1
id: test-catalogue
edition: Test edition
version: 1.0.0
title: Test catalogue
notice: Reference titles only.
levels: { spe: Program element, element: Element, requirement: Requirement }
files: [net.yaml]
`;

export function requirementText(id: string, extra = ''): string {
  return `        - id: ${id}
          title: Title of ${id}
          status: confirmed
          intent: Why ${id} matters for the plant network.
          questions: ["Who owns ${id}?", "Where is ${id} recorded?", "How is ${id} reviewed?"]
          evidence: ["${id} policy", "${id} record", "${id} review minutes"]
          mappings: { iec62443_3_3: [SR 5.1], nistCsf2: [PR.IR] }
${extra}`;
}

export function speText(requirements: string, elementId = 'NET 1', format = 1): string {
  return `format: ${format}
spe:
  number: 3
  id: NET
  title: Network security
  summary: Networks.
  elements:
    - id: ${elementId}
      title: Segmentation
      summary: Zones and conduits.
      requirements:
${requirements}`;
}

export const manifest: SourceFile = { name: 'catalogue.yaml', text: manifestText };
export const validSpe: SourceFile = { name: 'net.yaml', text: speText(requirementText('NET 1.1') + requirementText('NET 1.2')) };
