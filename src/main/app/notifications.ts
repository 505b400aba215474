// Desktop notifications, as plain functions over the part of Electron's `Notification` they
// use: the shell passes the real class, tests a recording one. The core only says which case
// reached which agent (Core.onAssigned); what the person sees is decided here.
import type { AssignmentNotice } from '../core';

/** What a shown notification offers (Electron's `Notification` instance, narrowed). */
export interface ShownNotification {
  show(): void;
  on(event: 'click', listener: () => void): unknown;
}

/** Electron's `Notification` class, narrowed to what is used here. */
export interface NotificationClass {
  isSupported(): boolean;
  new (options: { title: string; body: string; silent?: boolean }): ShownNotification;
}

/** The words of the notification: who, which case, what it is (no customer name: it shows on screen). */
export function assignmentMessage(notice: AssignmentNotice): { title: string; body: string } {
  const what = notice.categoryName ? `${notice.product} (${notice.categoryName})` : notice.product;
  return { title: `New case for ${notice.agentName}`, body: `${notice.reference}: ${what}` };
}

/**
 * Shows the notification where the system supports them; nothing otherwise (a Linux desktop
 * without a notification daemon). Silent: the Agent view has its own sound, which the desk
 * can turn off. A click brings the app forward. Returns whether one was shown.
 */
export function notifyAssignment(
  Notification: NotificationClass,
  notice: AssignmentNotice,
  onClick: () => void,
): boolean {
  if (!Notification.isSupported()) return false;
  const shown = new Notification({ ...assignmentMessage(notice), silent: true });
  shown.on('click', onClick);
  shown.show();
  return true;
}
