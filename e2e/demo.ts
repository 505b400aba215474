// Try ReturnDesk in a browser with one command: `npm run e2e:demo` builds the renderer, starts
// the demo desk (the same seed as `npm start -- --demo`) on the real core behind the E2E
// harness's bridge, and prints the addresses to open in any Chromium-based browser. Ctrl+C stops
// it and deletes its temporary database.
import { DEMO_INFO } from '../src/main/demo/demo-desk';
import { startDesk } from './harness/desk';

async function main(): Promise<void> {
  const desk = await startDesk({ demo: true, page: false });
  console.info(`ReturnDesk demo desk: ${desk.url}`);
  console.info(`Waiting-area display: ${new URL('display.html', desk.url).href}`);
  console.info(`Supervisor passcode: ${DEMO_INFO.passcode}`);
  for (const agent of DEMO_INFO.agents) console.info(`Agent ${agent.name}: PIN ${agent.pin}`);
  console.info('Ctrl+C stops it.');
  const stop = () => {
    void desk.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
