import { readFileSync } from 'node:fs';
import { screen } from '@testing-library/react';
import { AdminView } from '../views/admin/AdminView';
import { renderDesk, withRealDesk } from '../test/desk';

withRealDesk();

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

describe('the version in Admin', () => {
  it('shows the version from package.json, locked or not', async () => {
    renderDesk(<AdminView />);
    expect(await screen.findByText(`ReturnDesk version ${version}`)).toBeInTheDocument();
  });
});
