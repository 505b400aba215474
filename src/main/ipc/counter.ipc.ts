// The customer at the counter (issue 15): the slip, the counter settings, the waiting-area
// display and the demo desk.
import {
  counterSettings,
  displayBoard,
  printSlip,
  saveSlipPdf,
  setCounterSettings,
  slip,
} from '../counter/counter-service';
import type { AreaHandlers } from './handler';

export const slipHandlers = {
  'slips.get': { mode: 'read', activity: false, run: (repos, input, call) => slip(repos, input.id, call) },
  // Asked for by the person: they keep Admin (or an agent) signed in like a change does.
  'slips.print': {
    mode: 'shell',
    activity: true,
    run: (desk, input, _call, ports) => printSlip(desk, input, ports),
  },
  'slips.savePdf': {
    mode: 'shell',
    activity: true,
    run: (desk, input, _call, ports) => saveSlipPdf(desk, input, ports),
  },
} satisfies AreaHandlers<'slips'>;

export const counterHandlers = {
  'counter.settings': { mode: 'read', activity: false, run: (repos) => counterSettings(repos) },
  'counter.setSettings': { mode: 'write', activity: true, run: setCounterSettings },
} satisfies AreaHandlers<'counter'>;

export const displayHandlers = {
  'display.board': { mode: 'read', activity: false, run: (repos) => displayBoard(repos) },
} satisfies AreaHandlers<'display'>;

export const demoHandlers = {
  'demo.info': { mode: 'shell', activity: false, run: async (_repos, _input, _call, ports) => ports.demo },
  'demo.open': {
    mode: 'shell',
    activity: true,
    run: async (_repos, _input, _call, ports) => ({ opening: await ports.openDemo() }),
  },
} satisfies AreaHandlers<'demo'>;
