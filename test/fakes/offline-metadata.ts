/**
 * Jest setup of the node project. `@cloudbase/node-sdk`'s `init` asks Tencent's metadata server
 * (metadata.tencentyun.com) whether it runs inside Tencent Cloud. Off-cloud the answer is a failed DNS
 * lookup, which the SDK takes as "not in Tencent Cloud" — but without a network that lookup takes seconds
 * to fail and outlives the test run (Jest's open-handle warning). Here it fails at once, as off-cloud.
 */
import dns from 'node:dns';

const METADATA_HOST = 'metadata.tencentyun.com';
const lookup = dns.lookup;

function offlineLookup(this: unknown, hostname: string, ...rest: unknown[]): void {
  if (hostname !== METADATA_HOST) {
    (lookup as (...args: unknown[]) => void).call(this, hostname, ...rest);
    return;
  }
  const callback = rest[rest.length - 1] as (err: NodeJS.ErrnoException) => void;
  const err: NodeJS.ErrnoException = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND', syscall: 'getaddrinfo', hostname });
  process.nextTick(() => callback(err));
}

if ((dns.lookup as unknown) !== offlineLookup) (dns as { lookup: unknown }).lookup = offlineLookup;
