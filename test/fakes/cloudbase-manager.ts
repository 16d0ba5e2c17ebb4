/**
 * An in-process fake of the Tencent Cloud API that `@cloudbase/manager-node` calls, at its one request
 * method (`CloudService.prototype.request(action, data)` in `lib/utils/cloud-api-request.js`): the
 * manager's own code builds every request and reads every answer. It knows the environment lookup
 * (`DescribeEnvInfo`), collections (`CreateTable`, `DescribeTable`, `UpdateTable` with `CreateIndexes` and
 * `DropIndexes`) and collection permissions (`DescribeResourcePermission`, `ModifyResourcePermission`), and
 * fails as the service does: an unknown collection, a second collection or index of one name, dropping an
 * index that does not exist or `_id_`, more indexes than the plan's cap, another environment. A new
 * collection starts with `_id_` and the permission PRIVATE (仅创建者可读写). Any other action fails loudly.
 */
import { createRequire } from 'node:module';

type Data = Record<string, unknown>;
type Requester = { CloudService: { prototype: { request: (action: string, data?: Data, method?: string) => Promise<unknown> } } };
type ErrorModule = { CloudBaseError: new (message: string, options: { action: string; code: string; requestId: string }) => Error };

const load = createRequire(__filename);
const requester = load('@cloudbase/manager-node/lib/utils/cloud-api-request') as Requester;
const { CloudBaseError } = load('@cloudbase/manager-node/lib/error') as ErrorModule;

export interface FakeIndex {
  Name: string;
  Keys: Array<{ Name: string; Direction: string }>;
  Unique: boolean;
}

export interface FakeTable {
  indexes: FakeIndex[];
  permission: string;
}

const WRITES = new Set(['CreateTable', 'UpdateTable', 'ModifyResourcePermission']);

export class FakeCloudbaseManager {
  readonly tables = new Map<string, FakeTable>();
  readonly requests: Array<{ action: string; data: Data }> = [];
  readonly instanceId = 'tnt-fake0001';
  /** When set, the write request with this number (1-based, writes only) fails as a dropped connection would. */
  failAtWrite: number | null = null;
  private writes = 0;
  private original: Requester['CloudService']['prototype']['request'] | null = null;

  constructor(
    readonly envId: string,
    readonly indexLimit = 20,
  ) {}

  /** Write requests seen so far. */
  get writeRequests(): Array<{ action: string; data: Data }> {
    return this.requests.filter((r) => WRITES.has(r.action));
  }

  install(): this {
    if (this.original) return this;
    this.original = requester.CloudService.prototype.request;
    requester.CloudService.prototype.request = async (action: string, data: Data = {}) => {
      return this.answer(action, structuredClone(data));
    };
    return this;
  }

  uninstall(): void {
    if (this.original) requester.CloudService.prototype.request = this.original;
    this.original = null;
  }

  private fail(action: string, code: string, message: string): never {
    throw new CloudBaseError(message, { action, code, requestId: `fake-${this.requests.length}` });
  }

  private connector(action: string, data: Data): void {
    const connector = data.MongoConnector as { DatabaseName?: string; InstanceId?: string } | undefined;
    if (connector?.DatabaseName !== this.instanceId || connector.InstanceId !== 'flexdb') this.fail(action, 'InvalidParameter.MongoConnector', 'unknown database instance');
  }

  private table(action: string, data: Data): FakeTable {
    this.connector(action, data);
    const t = this.tables.get(String(data.TableName));
    if (!t) this.fail(action, 'ResourceNotFound.TableNotExist', `collection ${String(data.TableName)} does not exist`);
    return t;
  }

  private answer(action: string, data: Data): unknown {
    this.requests.push({ action, data });
    if (data.EnvId !== this.envId) this.fail(action, 'ResourceNotFound.EnvNotExist', `environment ${String(data.EnvId)} not found`);
    if (WRITES.has(action) && ++this.writes === this.failAtWrite) this.fail(action, 'InternalError.Timeout', 'connection dropped');
    const requestId = `fake-${this.requests.length}`;
    switch (action) {
      case 'DescribeEnvInfo':
        return { RequestId: requestId, EnvInfo: { EnvBaseInfo: { EnvId: this.envId, Alias: 'jiefang', Status: 'NORMAL', Databases: [{ InstanceId: this.instanceId, Status: 'RUNNING', Region: 'ap-shanghai' }], Storages: [], Functions: [] } } };
      case 'DescribeTable': {
        const t = this.table(action, data);
        return { RequestId: requestId, IndexNum: t.indexes.length, Indexes: t.indexes.map((i) => ({ ...structuredClone(i), Size: 4096, Accesses: { Ops: 0, Since: '2026-01-01T00:00:00Z' } })) };
      }
      case 'CreateTable': {
        const name = String(data.TableName);
        this.connector(action, data);
        if (this.tables.has(name)) this.fail(action, 'ResourceInUse.TableExist', `collection ${name} exists`);
        this.tables.set(name, { indexes: [{ Name: '_id_', Keys: [{ Name: '_id', Direction: '1' }], Unique: true }], permission: 'PRIVATE' });
        return { RequestId: requestId };
      }
      case 'UpdateTable':
        return this.updateTable(action, data, requestId);
      case 'DescribeResourcePermission': {
        const names = (data.Resources as string[] | undefined) ?? [...this.tables.keys()];
        const list = names.filter((n) => this.tables.has(n)).map((n) => ({ ResourceType: 'collection', Resource: n, Permission: this.tables.get(n)!.permission }));
        return { RequestId: requestId, Data: { TotalCount: list.length, PermissionList: list } };
      }
      case 'ModifyResourcePermission': {
        const t = this.tables.get(String(data.Resource));
        if (data.ResourceType !== 'collection' || !t) this.fail(action, 'ResourceNotFound', `collection ${String(data.Resource)} does not exist`);
        t.permission = String(data.Permission);
        return { RequestId: requestId, Data: { Success: true } };
      }
      default:
        throw new Error(`fake CloudBase manager: unknown action ${action} ${JSON.stringify(data)}`);
    }
  }

  /** One UpdateTable: all of it or none of it. */
  private updateTable(action: string, data: Data, requestId: string): unknown {
    const t = this.table(action, data);
    const next = structuredClone(t.indexes);
    for (const { IndexName } of (data.DropIndexes as Array<{ IndexName: string }> | undefined) ?? []) {
      const at = next.findIndex((i) => i.Name === IndexName);
      if (IndexName === '_id_' || at < 0) this.fail(action, 'InvalidParameter.DropIndex', `cannot drop index ${IndexName}`);
      next.splice(at, 1);
    }
    for (const c of (data.CreateIndexes as Array<{ IndexName: string; MgoKeySchema: { MgoIsUnique?: boolean; MgoIndexKeys: Array<{ Name: string; Direction: string }> } }> | undefined) ?? []) {
      if (next.some((i) => i.Name === c.IndexName)) this.fail(action, 'InvalidParameter.IndexExist', `index ${c.IndexName} exists`);
      const keys = c.MgoKeySchema.MgoIndexKeys;
      if (keys.length === 0 || keys.some((k) => !k.Name || !['1', '-1', '2dsphere'].includes(k.Direction))) this.fail(action, 'InvalidParameter.IndexKeys', `index ${c.IndexName}: bad keys`);
      next.push({ Name: c.IndexName, Keys: keys.map((k) => ({ Name: k.Name, Direction: k.Direction })), Unique: Boolean(c.MgoKeySchema.MgoIsUnique) });
    }
    if (next.length > this.indexLimit) this.fail(action, 'LimitExceeded.IndexNum', `a collection has at most ${this.indexLimit} indexes`);
    t.indexes = next;
    return { RequestId: requestId };
  }
}
