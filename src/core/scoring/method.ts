/** The scoring rules in words, shown under "How scores are computed" and printed in the report's method section. */
export const SCORING_RULES: readonly string[] = [
  'Each requirement has a target level (its own, or else the assessment’s default) and an achieved level from ML0 to ML4, where ML0, not implemented, is this app’s addition to the standard’s ML1–ML4. Its gap is the target minus the achieved level, or zero when the target is met.',
  'A requirement marked not applicable is left out of every figure. A requirement without an achieved level is not assessed: it counts against progress but is never scored as zero.',
  'Progress is the share of applicable requirements that have been assessed.',
  'The attained level of an element, a program element or the whole assessment is the lowest achieved level among its assessed requirements: the conservative view an auditor takes.',
  'The mean level is the average achieved level of the assessed requirements, to one decimal, shown beside their average target.',
  'At target is the share of applicable requirements whose achieved level meets or exceeds their target.',
  'Evidence coverage is the share of applicable requirements with at least one linked evidence item that has not expired.',
  'Gaps are ranked largest first, then by higher target, then by requirement ID.',
];
