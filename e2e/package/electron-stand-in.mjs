// A recording stand-in for the `electron` module, for running the packaged main
// bundle under plain Node (no Electron binary can be downloaded here). It keeps
// to the few parts of Electron's API the shell uses, records every call, and
// never answers for the code under test: no IPC replies, no dialog choices
// beyond "cancel", no database. The driver (launch.mjs) plays the OS and the page.
import { EventEmitter } from 'node:events';

/** @param {{ appPath: string, userData: string, locale?: string, displays?: { id: number, bounds: object }[] }} options */
export function createElectronStandIn(options) {
  const record = {
    singleInstanceLockRequested: false,
    windows: [],
    handlers: new Map(),
    errorBoxes: [],
    messageBoxes: [],
    exitCode: null,
    quit: false,
    menuInstalled: false,
    permissionHandlers: { request: false, check: false },
    headerHook: null,
    webContentsCreatedListeners: 0,
    /** What the app set with app.setPath (e.g. where crash dumps go). */
    paths: {},
    crashReporter: null,
    menuTemplate: null,
    openedPaths: [],
    saveDialogs: [],
    /** webContents.print calls: which window, with what options (issue 15). */
    prints: [],
    /** webContents.printToPDF calls. */
    pdfs: [],
    relaunches: [],
    /** Desktop notifications the app showed: their options, and their click listeners. */
    notifications: [],
  };
  /**
   * The driver plays the person: a path to answer a save dialog with (null to
   * cancel), and the buttons to press in the next message boxes (then cancel).
   */
  const answers = { savePath: null, messageBoxResponses: [] };
  /** The screens the OS reports (issue 15's display window): the desk's, and a second monitor. */
  const displays = options.displays ?? [
    { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 } },
    { id: 2, bounds: { x: 1920, y: 0, width: 1920, height: 1080 } },
  ];

  const app = new EventEmitter();
  let readyResolve;
  const ready = new Promise((resolve) => (readyResolve = resolve));
  Object.assign(app, {
    isPackaged: true,
    getAppPath: () => options.appPath,
    getPath: (name) => {
      if (name === 'userData') return options.userData;
      // Where save dialogs start (exports, the slip's PDF): a folder that need not exist.
      if (name === 'documents') return `${options.userData}/Documents`;
      if (name in record.paths) return record.paths[name];
      throw new Error(`stand-in: app.getPath('${name}') is not recorded`);
    },
    getVersion: () => 'stand-in',
    // The workstation's locale: what the desk's language `system` follows.
    getLocale: () => options.locale ?? 'en-US',
    relaunch: (relaunchOptions) => record.relaunches.push(relaunchOptions ?? {}),
    setPath: (name, path) => (record.paths[name] = path),
    requestSingleInstanceLock: () => {
      record.singleInstanceLockRequested = true;
      return true;
    },
    whenReady: () => ready,
    exit: (code = 0) => {
      record.exitCode = code;
      app.emit('recorded-exit', code);
    },
    quit: () => {
      // Electron's order: before-quit, will-quit (preventable), then quit.
      const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) };
      app.emit('before-quit', event);
      if (event.defaultPrevented) return;
      app.emit('will-quit', event);
      if (event.defaultPrevented) return;
      record.quit = true;
      app.emit('quit');
    },
  });
  // Electron emits 'ready' once its own start-up is done, after the main script ran.
  setImmediate(() => {
    readyResolve();
    app.emit('ready');
  });

  let nextContentsId = 1;
  class WebContents extends EventEmitter {
    constructor() {
      super();
      this.id = nextContentsId++;
      this.sent = [];
      this.windowOpenHandler = null;
    }
    send(channel, payload) {
      this.sent.push({ channel, payload });
    }
    setWindowOpenHandler(handler) {
      this.windowOpenHandler = handler;
    }
    // Chromium would print or make a PDF: the stand-in records it and answers as a printer would.
    print(printOptions, callback) {
      record.prints.push({ contentsId: this.id, options: printOptions });
      setImmediate(() => callback(true, ''));
    }
    async printToPDF(pdfOptions) {
      record.pdfs.push({ contentsId: this.id, options: pdfOptions });
      return Buffer.from('%PDF-1.4 stand-in');
    }
  }

  class BrowserWindow extends EventEmitter {
    // No window has the OS focus here: dialogs open unparented.
    static getFocusedWindow() {
      return null;
    }
    static getAllWindows() {
      return record.windows.filter((w) => !w.destroyed).map((w) => w.instance);
    }
    constructor(windowOptions) {
      super();
      this.webContents = new WebContents();
      this.loaded = [];
      this.destroyed = false;
      record.windows.push({ options: windowOptions, instance: this, destroyed: false });
    }
    loadFile(path) {
      this.loaded.push({ file: path });
      return Promise.resolve();
    }
    loadURL(url) {
      this.loaded.push({ url });
      return Promise.resolve();
    }
    show() {}
    destroy() {
      const entry = record.windows.find((w) => w.instance === this);
      if (entry) entry.destroyed = true;
      this.destroyed = true;
      this.emit('closed');
    }
    isDestroyed() {
      return this.destroyed;
    }
    close() {
      this.destroy();
    }
    focus() {}
    maximize() {}
    restore() {}
    isMinimized = () => false;
    isMaximized = () => false;
    getNormalBounds = () => ({ x: 0, y: 0, width: 1280, height: 800 });
  }

  const ipcMain = {
    handle(channel, handler) {
      if (record.handlers.has(channel))
        throw new Error(`Attempted to register a second handler for '${channel}'`);
      record.handlers.set(channel, handler);
    },
    removeHandler(channel) {
      record.handlers.delete(channel);
    },
  };

  const dialog = {
    showErrorBox: (title, content) => record.errorBoxes.push({ title, content }),
    // The person "chooses" the cancel button unless the driver said otherwise.
    showMessageBox: async (messageOptions) => {
      record.messageBoxes.push(messageOptions);
      return { response: answers.messageBoxResponses.shift() ?? messageOptions.cancelId ?? 0 };
    },
    showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
    showSaveDialog: async (saveOptions) => {
      record.saveDialogs.push(saveOptions);
      return answers.savePath
        ? { canceled: false, filePath: answers.savePath }
        : { canceled: true, filePath: '' };
    },
  };

  const crashReporter = {
    start: (crashOptions) => (record.crashReporter = crashOptions),
  };

  const shell = {
    openPath: async (path) => {
      record.openedPaths.push(path);
      return '';
    },
  };

  const session = {
    defaultSession: {
      setPermissionRequestHandler: () => (record.permissionHandlers.request = true),
      setPermissionCheckHandler: () => (record.permissionHandlers.check = true),
      webRequest: { onHeadersReceived: (hook) => (record.headerHook = hook) },
    },
  };

  const Menu = {
    buildFromTemplate: (template) => {
      record.menuTemplate = template;
      return { template };
    },
    setApplicationMenu: () => (record.menuInstalled = true),
  };

  // Supported unless the driver says otherwise (a desktop without a notification daemon).
  class Notification extends EventEmitter {
    static supported = true;
    static isSupported() {
      return Notification.supported;
    }
    constructor(notificationOptions) {
      super();
      this.options = notificationOptions;
    }
    show() {
      record.notifications.push({ options: this.options, instance: this });
    }
  }

  const originalOn = app.on.bind(app);
  app.on = (name, listener) => {
    if (name === 'web-contents-created') record.webContentsCreatedListeners++;
    return originalOn(name, listener);
  };

  const screen = {
    getAllDisplays: () => displays,
    getPrimaryDisplay: () => displays[0],
  };

  return {
    module: {
      app,
      BrowserWindow,
      crashReporter,
      ipcMain,
      dialog,
      session,
      shell,
      Menu,
      screen,
      Notification,
    },
    record,
    answers,
  };
}
