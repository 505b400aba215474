// Which test files get a module graph of their own. The unit and component projects run
// their files in shared workers (isolate: false): a file imports modules the worker's earlier
// files may already have imported, and leaves them for the next. A file that swaps a module
// (`vi.mock`) or a global for its tests cannot share: the modules it tests may be in the
// worker already, unswapped, and the swap would reach the files after it. Those files run in
// a project of their own, each in a fresh worker (test-isolation.test.ts finds new ones).
export const OWN_MODULE_TEST_FILES = ['src/main/windows-paths.test.ts'];

/** What makes a test file need its own modules. */
export const SWAPS_A_MODULE = /\bvi\.(?:mock|doMock|unmock|stubGlobal|stubEnv|resetModules)\(/;
