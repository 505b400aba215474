// Desktop notifications, as plain functions over the part of Electron's `Notification` they
// use: the shell passes the real class, tests a recording one. The core only says which case
// reached which agent (Core.onAssigned); what the person sees is decided here.
import type { AssignmentNotice } from '../core';
import { deskMessage } from '../../shared/i18n/desk-messages';

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

/**
 * The words of the notification, in the desk's language: who, which case, what it is (no
 * customer name: it shows on screen). A notification is plain text, so typed names are isolated
 * with FSI…PDI, the text form of <bdi>.
 */
export function assignmentMessage(notice: AssignmentNotice): { title: string; body: string } {
  const typed = (text: string) => `\u2068${text}\u2069`;
  const values = { reference: notice.reference, product: typed(notice.product) };
  return {
    title: deskMessage('notify.title', { agent: typed(notice.agentName) }),
    body: notice.categoryName
      ? deskMessage('notify.bodyCategory', { ...values, category: typed(notice.categoryName) })
      : deskMessage('notify.body', values),
  };
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
