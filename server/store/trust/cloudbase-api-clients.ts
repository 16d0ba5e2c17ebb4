/**
 * Open311 clients as the admin manages them (issue 19) on CloudBase (`api_clients`, `_id` the client id):
 * listed, and revoked by setting `revokedAt` (never deleted). CloudbaseDirectory delegates here.
 */
import type { ApiClientRecord } from '../../../core/admin/api-client-model';
import type { ApiClient } from '../../../core/model';
import type { CloudbaseDb, StoredDoc } from '../../cloudbase/db';
import { hashApiKey } from '../../api-keys';

/** An Open311 client system: `_id` its id, `keyHash` the SHA-256 of its key (unique index `key_hash`); `revokedAt` only once revoked. */
export const apiClientDoc = (c: ApiClient, keyHash: string, createdAt: string): StoredDoc => {
  const { id, ...rest } = c;
  return { _id: id, ...rest, keyHash, createdAt };
};

export const toApiClientRecord = (d: StoredDoc): ApiClientRecord => ({
  id: d._id,
  name: String(d.name),
  source: d.source as ApiClient['source'],
  townIds: (d.townIds as string[]).map(String),
  reads: d.reads as ApiClient['reads'],
  requestsPerMinute: Number(d.requestsPerMinute),
  postsPerHour: Number(d.postsPerHour),
  createdAt: String(d.createdAt),
  revokedAt: typeof d.revokedAt === 'string' ? d.revokedAt : null,
});

export class CloudbaseApiClients {
  constructor(private readonly cb: CloudbaseDb) {}

  /** An insert by `_id` (createOnce): of two creators of one id, one wins; the other writes nothing. */
  async create(client: ApiClient, key: string, createdAt: string): Promise<boolean> {
    return (await this.cb.createOnce('api_clients', apiClientDoc(client, hashApiKey(key), createdAt))).created;
  }

  async find(keyHash: string): Promise<ApiClient | null> {
    const [d] = await this.cb.find('api_clients', { keyHash }, [], 1);
    if (!d || typeof d.revokedAt === 'string') return null;
    const { createdAt: _c, revokedAt: _r, ...client } = toApiClientRecord(d);
    return client;
  }

  /** A district holds a handful of clients: read whole, ordered here. */
  async list(): Promise<ApiClientRecord[]> {
    const docs = (await this.cb.readAll('api_clients')).map(toApiClientRecord);
    return docs.sort((a, b) => (a.createdAt !== b.createdAt ? (a.createdAt < b.createdAt ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /** One conditional update (`revokedAt` not yet set): of two revocations at once, one writes. */
  async revoke(id: string, revokedAt: string): Promise<ApiClientRecord | null> {
    const d = await this.cb.updateAndReturn('api_clients', { _id: id, revokedAt: this.cb._.exists(false) }, { revokedAt });
    return d ? toApiClientRecord(d) : null;
  }
}
