// The app's save port for exports: the system save dialog, then the file
// written by main. The page only asked for an export; it never names a path.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, type SaveDialogOptions } from 'electron';
import { deskMessage as m } from '../../shared/i18n/desk-messages';
import type { SaveFile } from '../services/export-service';

export const saveWithDialog: SaveFile = async (suggestedName, content) => {
  const pdf = suggestedName.endsWith('.pdf');
  const options: SaveDialogOptions = {
    title: m(pdf ? 'dialog.saveSlipPdf' : 'dialog.saveExport'),
    defaultPath: join(app.getPath('documents'), suggestedName),
    filters: pdf
      ? [{ name: m('dialog.pdfFiles'), extensions: ['pdf'] }]
      : [{ name: m('dialog.csvFiles'), extensions: ['csv'] }],
  };
  const win = BrowserWindow.getFocusedWindow();
  const { canceled, filePath } = win
    ? await dialog.showSaveDialog(win, options)
    : await dialog.showSaveDialog(options);
  if (canceled || !filePath) return { saved: false, path: null };
  await writeFile(filePath, content);
  return { saved: true, path: filePath };
};
