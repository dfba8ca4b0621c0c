/** Version 1: the first shape of the workbook database. Indexes serve the queries the screens make. */
export const version = 1;

export const stores: Record<string, string> = {
  meta: 'key',
  settings: 'key',
  organization: 'id',
  sites: 'id, name',
  people: 'id, name',
  assessments: 'id, siteId, status, updatedAt',
  responses: '[assessmentId+requirementId], assessmentId, updatedAt',
  evidence: 'id, &number, sha256, expiresOn, kind, updatedAt',
  blobs: 'sha256',
  links: '[evidenceId+assessmentId+requirementId], evidenceId, [assessmentId+requirementId], assessmentId',
  actions: 'id, assessmentId, [assessmentId+requirementId], status, dueDate, [status+dueDate]',
  audit: 'seq',
  overlays: 'catalogueId',
};
