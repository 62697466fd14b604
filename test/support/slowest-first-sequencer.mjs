// Runs the longest test files first, so that neither worker is left idle at the end of a run while
// the other finishes a long browser journey. jest's own order does this from the timings of the
// last run in its cache; a fresh clone (CI) has none, and jest then orders by file size alone,
// across projects, which starts a 100-line browser test after a 1,000-line unit test. Without a
// timing, a file's time is estimated from its size at its project's rate, measured on CI's
// 2-core machine (a browser test takes about 3 ms per byte of its source, an API test 0.5 ms).
// Files that failed last time still run first, as jest does.
import sequencerModule from '@jest/test-sequencer';

const Sequencer = sequencerModule.default ?? sequencerModule;

const MS_PER_BYTE = { e2e: 3, load: 2, install: 1, api: 0.5 };
const OTHER_MS_PER_BYTE = 0.1;

class SlowestFirstSequencer extends Sequencer {
  time(test) {
    const measured = super.time(test);
    if (measured != null) return measured;
    const project = test.context.config.displayName?.name;
    const size = test.context.hasteFS.getSize(test.path) ?? 0;
    return size * (MS_PER_BYTE[project] ?? OTHER_MS_PER_BYTE);
  }
}

export default SlowestFirstSequencer;
