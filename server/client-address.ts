/**
 * The client's network address as our own gateway or proxy saw it, for per-address budgets (Open311's
 * wrong-key budget, the local server's requests). Never the first X-Forwarded-For value: the client writes
 * that. A gateway appends the address it accepted the connection from, so in a list the trusted value is
 * the last one; a header a gateway sets outright (X-Real-IP) has one value.
 */
const ADDRESS = /^[0-9A-Fa-f:.]{2,45}$/;

type Headers = Record<string, string | string[] | undefined> | null | undefined;

/**
 * The address in `header` (the trusted header, lower or mixed case) of `headers`, or `fallback` when the
 * header is not configured, absent, or its last value is not an IPv4/IPv6 address.
 */
export function clientAddress(headers: Headers, header: string | undefined, fallback: string | null): string | null {
  if (!header || !headers) return fallback;
  const name = header.toLowerCase();
  let value: string | string[] | undefined;
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === name) value = v;
  const joined = Array.isArray(value) ? value.join(',') : value;
  const last = joined?.split(',').pop()?.trim() ?? '';
  return ADDRESS.test(last) ? last : fallback;
}

/** The trusted header of the CloudBase HTTP access gateway unless JIEFANG_CLIENT_IP_HEADER names another. */
export const DEFAULT_GATEWAY_IP_HEADER = 'x-forwarded-for';
