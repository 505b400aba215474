import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import type { ViewName } from '../../shared/api';
import { PUSH_CHANNELS, sendPush } from '../../shared/events';

const VIEW_ITEMS: { view: ViewName; label: string; key: string }[] = [
  { view: 'intake', label: 'Intake', key: '1' },
  { view: 'agent', label: 'Agent', key: '2' },
  { view: 'admin', label: 'Admin', key: '3' },
];

/** The application menu. The page itself handles Ctrl+1/2/3, so accelerators are shown, not registered. */
export function installMenu(
  getWindow: () => BrowserWindow | null,
  extraMenus: MenuItemConstructorOptions[] = [],
): void {
  const viewItems: MenuItemConstructorOptions[] = VIEW_ITEMS.map(({ view, label, key }) => ({
    label,
    accelerator: `CmdOrCtrl+${key}`,
    registerAccelerator: false,
    click: () => {
      const win = getWindow();
      if (win) sendPush(win.webContents, PUSH_CHANNELS.navigate, view);
    },
  }));
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    { label: 'File', submenu: [{ role: process.platform === 'darwin' ? 'close' : 'quit' }] },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        ...viewItems,
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    ...extraMenus,
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
