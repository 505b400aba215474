import type { DeskApi } from '../shared/api';
import type { RecoveryApi } from '../shared/recovery';

declare global {
  interface Window {
    api: DeskApi;
    /** Only in the recovery window (src/preload/recovery.ts). */
    recovery?: RecoveryApi;
  }
}

export {};
