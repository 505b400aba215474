// jsdom, with one fix for the test run's speed. jsdom's default stylesheet has `:dir()` rules,
// and its selector engine (@asamuzakjp/dom-selector) answers each `:dir()` match on an element
// with dir="auto" by building a new bidi-js instance, which parses its Unicode tables again:
// about a tenth of a view test's CPU time. Loaded through this hook, bidi-js hands out one
// instance, which is what the library meant (the instance holds no per-call state).
import { registerHooks } from 'node:module';
import { builtinEnvironments, type Environment } from 'vitest/environments';

const FACTORY_RETURN = /return bidiFactory;\s*\}\)\);?\s*$/;

registerHooks({
  load(url, context, nextLoad) {
    const loaded = nextLoad(url, context);
    if (!url.endsWith('/node_modules/bidi-js/dist/bidi.js')) return loaded;
    const source = String(loaded.source);
    // A new bidi-js release with another shape loads unchanged: only slower, never wrong.
    if (!FACTORY_RETURN.test(source)) return loaded;
    return {
      ...loaded,
      source: source.replace(
        FACTORY_RETURN,
        'var shared; return function () { return shared || (shared = bidiFactory()); };}));',
      ),
    };
  },
});

export default { ...builtinEnvironments.jsdom, name: 'jsdom-one-bidi' } satisfies Environment;
