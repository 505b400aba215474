import { resetAgentsStore } from './agents-store';
import { resetAuthStore } from './auth-store';
import { resetCasesStore } from './cases-store';
import { resetCustomersStore } from './customers-store';
import { resetUiStore } from './ui-store';

/** Back to a fresh start, with answers still in flight voided (used between tests). */
export function resetStores(): void {
  resetAgentsStore();
  resetAuthStore();
  resetCasesStore();
  resetCustomersStore();
  resetUiStore();
}
