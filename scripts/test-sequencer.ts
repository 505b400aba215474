// The order test files start in: longest first across all projects (from the last run's
// durations, which vitest keeps in its cache), so the long files (the fuzz test, the model
// test, the crash test, the big views) start at once and the short ones fill the workers
// around them, instead of one long file running alone at the end of its project's turn.
// Files with no recorded duration (new ones, or a first run) go first, larger files first.
//
// A project whose files share a worker (`isolate: false`, the renderer's) keeps its files
// together, in one run at the place of its longest file: vitest hands a worker that finished
// such a file the next file only when the next in line is of the same project. A file of
// another project in between ends that worker, and the project's next file starts a new one,
// which sets up its environment (jsdom) and imports React, the core and the catalogues again.
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

export class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const { cache, config } = this.ctx;
    const key = (spec: TestSpecification) => `${spec.project.name}:${relative(config.root, spec.moduleId)}`;
    const known = (spec: TestSpecification) => cache.getFileTestResults(key(spec));
    const size = (spec: TestSpecification) => cache.getFileStats(key(spec))?.size ?? 0;
    const longestFirst = [...files].sort((a, b) => {
      const ra = known(a);
      const rb = known(b);
      if (!ra || !rb) return ra ? 1 : rb ? -1 : size(b) - size(a);
      if (ra.failed !== rb.failed) return ra.failed ? -1 : 1;
      return rb.duration - ra.duration;
    });
    return keepSharedProjectsTogether(longestFirst);
  }
}

/** The same order, except that the files of a non-isolated project follow its first one. */
export function keepSharedProjectsTogether(order: TestSpecification[]): TestSpecification[] {
  const placed = new Set<string>();
  const result: TestSpecification[] = [];
  for (const spec of order) {
    const project = spec.project.name;
    if (spec.project.config.isolate !== false) result.push(spec);
    else if (!placed.has(project)) {
      placed.add(project);
      result.push(...order.filter((other) => other.project.name === project));
    }
  }
  return result;
}
