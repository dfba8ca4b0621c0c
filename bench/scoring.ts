// Scoring bench: scores the bench workload (3 assessments × 87 requirements, 2,000 evidence records
// with links, 120 actions) with the same functions the dashboard and the report use, and prints the time.
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { CONTENT_DIR, loadCatalogueDir } from '../src/cli/content';
import { indexCatalogue } from '../src/core/catalogue/lookup';
import { compareScores } from '../src/core/scoring/compare';
import { scoreAssessment } from '../src/core/scoring/score';
import type { Action, Assessment, Evidence, EvidenceLink, MaturityLevel, Response } from '../src/core/records/model';

const index = indexCatalogue(loadCatalogueDir(path.join(CONTENT_DIR, 'iec-62443-2-1-2024')));
const ids = index.requirements.map((r) => r.id);
const assessments = [0, 1, 2].map(
  (i) =>
    ({
      id: `a${i}`,
      scope: index.catalogue.spes.map((s) => s.id),
      defaultTargetLevel: 3,
      siteId: 's',
      periodEnd: `${2024 + i}-12-31`,
    }) as Assessment,
);
const responses: Response[] = assessments.flatMap((a, ai) =>
  ids.map(
    (id, i) =>
      ({
        assessmentId: a.id,
        requirementId: id,
        applicable: i % 17 !== 0,
        achievedLevel: ((i + ai) % 5) as MaturityLevel,
        targetLevel: i % 4 === 0 ? 4 : null,
      }) as Response,
  ),
);
const evidence: Evidence[] = Array.from(
  { length: 2000 },
  (_, n) => ({ id: `EV-${n + 1}`, expiresOn: `2026-${String((n % 12) + 1).padStart(2, '0')}-15` }) as Evidence,
);
const links: EvidenceLink[] = evidence.map((e, n) => ({
  evidenceId: e.id,
  assessmentId: `a${n % 3}`,
  requirementId: ids[n % ids.length]!,
  createdAt: '',
}));
const actions: Action[] = Array.from(
  { length: 120 },
  (_, i) =>
    ({
      assessmentId: `a${i % 3}`,
      requirementId: ids[i % ids.length]!,
      status: i % 3 ? 'open' : 'done',
      dueDate: `2026-${String((i % 12) + 1).padStart(2, '0')}-10`,
    }) as Action,
);
const slice = { responses, evidence, links, actions, today: '2026-06-01' };

const runs = 200;
const times: number[] = [];
let last;
for (let i = 0; i < runs; i += 1) {
  const start = performance.now();
  last = assessments.map((assessment) => scoreAssessment(index, { ...slice, assessment }));
  compareScores(last[1]!, last[2]!);
  times.push(performance.now() - start);
}
times.sort((a, b) => a - b);
console.log(
  `score 3 assessments × 87 requirements (2,000 evidence links, 120 actions) and compare two: median ${times[runs >> 1]!.toFixed(2)} ms, p95 ${times[Math.floor(runs * 0.95)]!.toFixed(2)} ms over ${runs} runs (first ${times.at(-1)!.toFixed(1)} ms worst)`,
);
console.log(
  `overall of the first: progress ${(last![0]!.overall.progress * 100).toFixed(0)} %, mean ${last![0]!.overall.meanAchieved}, gaps ${last![0]!.gaps.length}`,
);
