import { getLanguage, setLanguage } from '../services/language-service';
import type { AreaHandlers } from './handler';

export const settingsHandlers = {
  'settings.language': { mode: 'read', activity: false, run: getLanguage },
  'settings.setLanguage': { mode: 'write', activity: true, run: setLanguage },
} satisfies AreaHandlers<'settings'>;
