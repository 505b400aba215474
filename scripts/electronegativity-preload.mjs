// Preloaded into electronegativity (`node --import`) to fix two faults of its own:
// 1. Its only network call fetches translations of its messages with got@11,
//    whose retry after a timeout throws from a timer under Node 24 and kills the
//    run. We are offline by design: the call fails at once and it falls back to
//    its bundled English.
// 2. It writes its CSV report as two unordered async writes (the header,
//    truncating; then the rows, appending), which race on a busy machine and
//    garble the report. Here each write happens when it is called, in order.
import fs from 'node:fs';
import Module from 'node:module';

const load = Module._load;
Module._load = function (request, ...rest) {
  if (request === 'got')
    return () => Promise.reject(new Error('offline: electronegativity runs without network'));
  return load.call(this, request, ...rest);
};

fs.writeFile = function writeFileInOrder(file, data, options, callback) {
  const done = typeof options === 'function' ? options : callback;
  let error = null;
  try {
    fs.writeFileSync(file, data, typeof options === 'function' ? undefined : options);
  } catch (caught) {
    error = caught;
  }
  process.nextTick(() => done?.(error));
};
