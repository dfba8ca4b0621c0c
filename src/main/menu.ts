/** The application menu: the usual roles, nothing that reaches outside the app. */
import { Menu, type MenuItemConstructorOptions } from 'electron';

export function menuTemplate(isMac: boolean): MenuItemConstructorOptions[] {
  const template: MenuItemConstructorOptions[] = [
    { label: 'File', submenu: [isMac ? { role: 'close' } : { role: 'quit' }] },
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        { role: 'toggleDevTools' },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { label: 'Window', submenu: [{ role: 'minimize' }, { role: 'zoom' }, ...(isMac ? [] : [{ role: 'close' } as const])] },
    { role: 'help', submenu: [{ role: 'about' }] },
  ];
  if (isMac) template.unshift({ role: 'appMenu' });
  return template;
}

export function installMenu(): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(process.platform === 'darwin')));
}
