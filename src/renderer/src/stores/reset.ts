import { resetAgentsStore } from './agents-store';
import { resetAuthStore } from './auth-store';
import { resetBackupsStore } from './backups-store';
import { resetCasesStore } from './cases-store';
import { resetCategoriesStore } from './categories-store';
import { resetCustomersStore } from './customers-store';
import { resetUiStore } from './ui-store';
import { resetLanguage } from '../i18n/i18n-store';

/** Back to a fresh start, with answers still in flight voided (used between tests). */
export function resetStores(): void {
  resetAgentsStore();
  resetAuthStore();
  resetBackupsStore();
  resetCasesStore();
  resetCategoriesStore();
  resetCustomersStore();
  resetUiStore();
  resetLanguage();
}
