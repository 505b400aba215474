import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import type { ViewName } from '../../shared/api';
import { PUSH_CHANNELS, sendPush } from '../../shared/events';
import { deskMessage as m } from '../../shared/i18n/desk-messages';
import type { MessageId } from '../../shared/i18n/translator';

const VIEW_ITEMS: { view: ViewName; label: MessageId; key: string }[] = [
  { view: 'intake', label: 'nav.intake', key: '1' },
  { view: 'agent', label: 'nav.agent', key: '2' },
  { view: 'admin', label: 'nav.admin', key: '3' },
];

/**
 * The application menu, in the desk's language: call it again when the language changes
 * (Electron's menus are built once, from their labels). The page itself handles Ctrl+1/2/3,
 * so accelerators are shown, not registered. Items keep their roles (what they do) with
 * our labels, since Electron's own role labels are English.
 */
export function installMenu(
  getWindow: () => BrowserWindow | null,
  extraMenus: () => MenuItemConstructorOptions[] = () => [],
): void {
  const viewItems: MenuItemConstructorOptions[] = VIEW_ITEMS.map(({ view, label, key }) => ({
    label: m(label),
    accelerator: `CmdOrCtrl+${key}`,
    registerAccelerator: false,
    click: () => {
      const win = getWindow();
      if (win) sendPush(win.webContents, PUSH_CHANNELS.navigate, view);
    },
  }));
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: m('menu.file'),
      submenu: [
        process.platform === 'darwin'
          ? { role: 'close', label: m('menu.closeWindow') }
          : { role: 'quit', label: m('menu.quit') },
      ],
    },
    {
      label: m('menu.edit'),
      submenu: [
        { role: 'undo', label: m('menu.undo') },
        { role: 'redo', label: m('menu.redo') },
        { type: 'separator' },
        { role: 'cut', label: m('menu.cut') },
        { role: 'copy', label: m('menu.copy') },
        { role: 'paste', label: m('menu.paste') },
        { role: 'selectAll', label: m('menu.selectAll') },
      ],
    },
    {
      label: m('menu.view'),
      submenu: [
        ...viewItems,
        { type: 'separator' },
        { role: 'resetZoom', label: m('menu.resetZoom') },
        { role: 'zoomIn', label: m('menu.zoomIn') },
        { role: 'zoomOut', label: m('menu.zoomOut') },
        { role: 'togglefullscreen', label: m('menu.fullScreen') },
      ],
    },
    {
      label: m('menu.window'),
      submenu: [
        { role: 'minimize', label: m('menu.minimize') },
        { role: 'close', label: m('menu.closeWindow') },
      ],
    },
    ...extraMenus(),
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
