// Preloaded into electronegativity (`node --import`): its only network call fetches
// translations of its messages, with got@11, whose retry after a timeout throws
// from a timer under Node 24 and kills the run. Offline by design here, so the
// call fails at once and electronegativity falls back to its bundled English.
import Module from 'node:module';

const load = Module._load;
Module._load = function (request, ...rest) {
  if (request === 'got')
    return () => Promise.reject(new Error('offline: electronegativity runs without network'));
  return load.call(this, request, ...rest);
};
