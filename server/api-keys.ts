/**
 * Open311 client systems and their keys. A key is shown once, when it is created, and stored only as
 * its SHA-256 hash; `findApiClient` looks clients up by that hash.
 * `scripts/open311-key.ts` adds a client and prints its new key.
 */
import { createHash, randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { ApiClient } from '../core/model';

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export function newApiKey(): string {
  return randomBytes(24).toString('base64url');
}

export { DEFAULT_CLIENT_BUDGET } from '../core/admin/api-client-model';

/** Stores a client with the hash of its key; an existing client id keeps its row (and key). Returns whether it was added. */
export function addApiClient(db: Database.Database, client: ApiClient, key: string, createdAt: string): boolean {
  if (!/^[A-Za-z0-9_-]{1,50}$/.test(client.id)) throw new Error('client id must be 1–50 letters, digits, _ or -');
  const res = db
    .prepare(
      `INSERT INTO api_clients (id, name, key_hash, source, town_ids, reads, requests_per_minute, posts_per_hour, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING`,
    )
    .run(client.id, client.name, hashApiKey(key), client.source, JSON.stringify(client.townIds), client.reads, client.requestsPerMinute, client.postsPerHour, createdAt);
  return res.changes === 1;
}
