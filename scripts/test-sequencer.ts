// The order test files start in: longest first across all projects (from the last run's
// durations, which vitest keeps in its cache), so the long files (the fuzz test, the model
// test, the crash test, the big views) start at once and the short ones fill the workers
// around them, instead of one long file running alone at the end of its project's turn.
// Files with no recorded duration (new ones, or a first run) go first, larger files first.
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

export class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const { cache, config } = this.ctx;
    const key = (spec: TestSpecification) => `${spec.project.name}:${relative(config.root, spec.moduleId)}`;
    const known = (spec: TestSpecification) => cache.getFileTestResults(key(spec));
    const size = (spec: TestSpecification) => cache.getFileStats(key(spec))?.size ?? 0;
    return [...files].sort((a, b) => {
      const ra = known(a);
      const rb = known(b);
      if (!ra || !rb) return ra ? 1 : rb ? -1 : size(b) - size(a);
      if (ra.failed !== rb.failed) return ra.failed ? -1 : 1;
      return rb.duration - ra.duration;
    });
  }
}
