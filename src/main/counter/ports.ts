// What the desk asks of the shell around the counter (issue 15), as ports with no Electron in
// sight: the app passes Electron's printing and a relaunch into the demo desk
// (src/main/app/counter-shell.ts); tests and the E2E harness pass their own.
import type { DemoInfo } from '../../shared/counter';
import type { SaveFile } from '../services/export-service';
import { deskMessage } from '../../shared/i18n/desk-messages';

export interface PrintPort {
  /**
   * Prints the calling window's page (its print stylesheet shows only the slip): through the
   * system print dialog, or straight to the default printer when `silent`.
   */
  print(options: { silent: boolean }): Promise<{ printed: boolean; reason: string | null }>;
  /** The calling window's page as a PDF, as Chromium prints it (`webContents.printToPDF`). */
  pdf(): Promise<Uint8Array>;
}

/** Without a shell (benchmarks, tools): nothing prints. */
export const NO_PRINTER: PrintPort = {
  print: async () => ({ printed: false, reason: deskMessage('slip.noPrinter') }),
  pdf: async () => {
    throw new Error('Printing is not available here.');
  },
};

/** The ports a counter handler may use. */
export interface CounterPorts {
  printer: PrintPort;
  saveFile: SaveFile;
  /** This desk is the demo desk: its sign-ins, shown on screen. */
  demo: DemoInfo;
  /** Opens the demo desk (the app relaunches with `--demo`); false where that cannot be done. */
  openDemo: () => Promise<boolean>;
}

export const NOT_DEMO: DemoInfo = { demo: false, passcode: null, agents: [] };
