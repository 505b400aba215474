// A render error shows "Something went wrong" with Reload, and reaches main's log
// through the real core; so do uncaught errors and unhandled rejections.
import { screen, waitFor } from '@testing-library/react';
import { ErrorBoundary } from './ErrorBoundary';
import { installErrorReporting } from '../lib/report-errors';
import { renderDesk, withRealDesk } from '../test/desk';

const desk = withRealDesk();

function Broken(): never {
  throw new Error('render blew up');
}

const pageEntries = () => desk().core.log.entries.filter((e) => e.message.startsWith('page '));

describe('errors in the page', () => {
  it('a render error shows "Something went wrong" with Reload, and is logged in main', async () => {
    desk().core.log.expectError(/^page render: Error: render blew up/);
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {}); // React reports it too
    let reloads = 0;
    const { user } = renderDesk(
      <ErrorBoundary onReload={() => reloads++}>
        <Broken />
      </ErrorBoundary>,
    );
    quiet.mockRestore();
    expect(await screen.findByRole('heading', { name: 'Something went wrong' })).toBeInTheDocument();
    await waitFor(() => expect(pageEntries()).toHaveLength(1));
    expect(pageEntries()[0]).toMatchObject({ level: 'error' });
    expect(pageEntries()[0]!.text).toMatch(/^page render: Error: render blew up \(at Broken/);
    expect(pageEntries()[0]!.text).toContain('ErrorBoundary.test.tsx');
    await user.click(screen.getByRole('button', { name: 'Reload' }));
    expect(reloads).toBe(1);
  });

  it('uncaught errors and unhandled rejections go to the main log', async () => {
    desk().core.log.expectError(/^page (error|unhandledrejection): /);
    const uninstall = installErrorReporting();
    try {
      window.dispatchEvent(
        new ErrorEvent('error', {
          error: new TypeError('x is undefined'),
          message: 'x is undefined',
          filename: 'app://index.js',
          lineno: 3,
          colno: 7,
        }),
      );
      const rejection = Object.assign(new Event('unhandledrejection'), { reason: 'plain string reason' });
      window.dispatchEvent(rejection);
      await waitFor(() => expect(pageEntries()).toHaveLength(2));
    } finally {
      uninstall();
    }
    expect(pageEntries().map((e) => e.text.split('\n')[0])).toEqual([
      'page error: TypeError: x is undefined (app://index.js:3:7)',
      'page unhandledrejection: plain string reason',
    ]);
    // Uninstalled: nothing more is reported.
    // (A listener of the test's own, or jsdom's runner would report the event as uncaught.)
    const swallow = (event: ErrorEvent) => event.preventDefault();
    window.addEventListener('error', swallow);
    window.dispatchEvent(new ErrorEvent('error', { error: new Error('after'), message: 'after' }));
    window.removeEventListener('error', swallow);
    await new Promise((r) => setTimeout(r, 50));
    expect(pageEntries()).toHaveLength(2);
  });

  it('a long message is cut to what the channel accepts, not refused', async () => {
    desk().core.log.expectError(/^page error: Error: x+/);
    const uninstall = installErrorReporting();
    try {
      window.dispatchEvent(new ErrorEvent('error', { error: new Error('x'.repeat(50_000)), message: 'x' }));
      await waitFor(() => expect(pageEntries()).toHaveLength(1));
    } finally {
      uninstall();
    }
  });
});
