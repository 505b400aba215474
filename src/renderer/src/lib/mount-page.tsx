import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { ErrorBoundary } from '../components/ErrorBoundary';

/** Renders a window's page (desk, display, recovery) into its #root, behind the error boundary. */
export function mountPage(page: ReactNode): void {
  const root = document.getElementById('root');
  if (!root) throw new Error('This page has no #root element to render into');
  createRoot(root).render(
    <StrictMode>
      <ErrorBoundary>{page}</ErrorBoundary>
    </StrictMode>,
  );
}
