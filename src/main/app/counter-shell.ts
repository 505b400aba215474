// The shell's side of the customer at the counter (issue 15): printing the desk window's slip,
// a PDF of it, the waiting-area display's window and menu, and relaunching into the demo desk.
import { app, BrowserWindow, screen, type MenuItemConstructorOptions } from 'electron';
import { deskMessage } from '../../shared/i18n/desk-messages';
import type { PrintPort } from '../counter/ports';
import { displayPlacement } from './display-placement';
import { secureWebPreferences } from './security';

/** Prints the desk window's page; its print stylesheet shows only the open slip. */
export function electronPrinter(getWindow: () => BrowserWindow | null): PrintPort {
  return {
    print: ({ silent }) =>
      new Promise((resolve) => {
        const win = getWindow();
        if (!win) return resolve({ printed: false, reason: 'The desk window is closed.' });
        win.webContents.print({ silent, printBackground: true }, (success, failureReason) =>
          resolve({ printed: success, reason: success ? null : failureReason || null }),
        );
      }),
    pdf: async () => {
      const win = getWindow();
      if (!win) throw new Error('The desk window is closed.');
      const data = await win.webContents.printToPDF({ printBackground: true, preferCSSPageSize: true });
      return new Uint8Array(data);
    },
  };
}

export interface DisplayWindowOptions {
  url: string;
  preloadPath: string;
  /** Registers the window's webContents as the display's (the sender check and its session). */
  register(contentsId: number): void;
  unregister(contentsId: number): void;
}

/** The waiting-area display: on the second screen, full screen, when there is one. */
export function openDisplayWindow(options: DisplayWindowOptions): BrowserWindow {
  const place = displayPlacement(screen.getAllDisplays(), screen.getPrimaryDisplay().id);
  const win = new BrowserWindow({
    ...place.bounds,
    fullscreen: place.fullscreen,
    show: false,
    title: deskMessage('windowTitle.display'),
    backgroundColor: '#0b1f33',
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(options.preloadPath),
  });
  // The title is main's, in the desk's language, not the page's (English) <title>.
  win.on('page-title-updated', (event) => event.preventDefault());
  const contentsId = win.webContents.id;
  options.register(contentsId);
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => options.unregister(contentsId));
  win.webContents.on('will-navigate', (event) => event.preventDefault());
  win.webContents.on('will-redirect', (event) => event.preventDefault());
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  void win.loadURL(options.url);
  return win;
}

export function counterMenu(openDisplay: () => void): MenuItemConstructorOptions {
  return {
    id: 'counter',
    label: deskMessage('menu.counter'),
    submenu: [{ id: 'open-display', label: deskMessage('menu.openDisplay'), click: openDisplay }],
  };
}

/** Starts the app again on the demo desk (`--demo`), from Admin's button. */
export async function relaunchAsDemo(): Promise<boolean> {
  const args = process.argv.slice(1).filter((arg) => arg !== '--demo' && !arg.startsWith('--db='));
  app.relaunch({ args: [...args, '--demo'] });
  app.quit();
  return true;
}
