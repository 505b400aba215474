// The private cluster itself: what it listens on, how it is set, and that stopping it
// leaves nothing behind.
import { existsSync } from 'node:fs';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { startPgCluster } from './pg-cluster';

async function settings(url: string, names: string[]): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const rows = (
      await client.query<{ name: string; setting: string }>(
        'SELECT name, setting FROM pg_settings WHERE name = ANY($1)',
        [names],
      )
    ).rows;
    return Object.fromEntries(rows.map((r) => [r.name, r.setting]));
  } finally {
    await client.end();
  }
}

describe('the private test cluster', () => {
  it('listens on 127.0.0.1 only, tracks commit times, and skips fsync', async () => {
    const url = new URL(inject('pgUrl'));
    expect(url.hostname).toBe('127.0.0.1');
    expect(await settings(url.href, ['listen_addresses', 'track_commit_timestamp', 'fsync', 'port'])).toEqual(
      {
        listen_addresses: '127.0.0.1',
        track_commit_timestamp: 'on',
        fsync: 'off',
        port: url.port,
      },
    );
  });

  it('stops and removes its folder; a second one gets a port of its own', async () => {
    const cluster = await startPgCluster();
    expect(String(cluster.port)).not.toBe(new URL(inject('pgUrl')).port);
    expect(await settings(cluster.url, ['port'])).toEqual({ port: String(cluster.port) });
    cluster.stop();
    cluster.stop(); // twice is harmless
    expect(existsSync(cluster.dir)).toBe(false);
    await expect(settings(cluster.url, ['port'])).rejects.toThrow(/ECONNREFUSED/);
  });
});
