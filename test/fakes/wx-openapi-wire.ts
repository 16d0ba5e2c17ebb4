/**
 * The wire of WeChat's cloud call as wx-server-sdk speaks it (`callCompatibleWxOpenApi`, action
 * `wx.openApi`): the request is a protobuf CommApiData {1 apiType, 2 openapiData {1 pairs: KeyValuePair
 * {1 key, 2 value (JSON bytes)}}, 6 appid}; the answer a protobuf CommOpenApiResp {1 respData, 2 contentType,
 * 3 errorCode}. Only what a fake needs: decode the pairs, encode an answer.
 */

function varint(n: number): number[] {
  const out: number[] = [];
  let v = n >>> 0;
  while (v > 0x7f) {
    out.push((v & 0x7f) | 0x80);
    v >>>= 7;
  }
  out.push(v);
  return out;
}

function field(no: number, bytes: Uint8Array): number[] {
  return [...varint((no << 3) | 2), ...varint(bytes.length), ...bytes];
}

interface Field {
  no: number;
  wire: number;
  value: number | Buffer;
}

function fields(buf: Buffer): Field[] {
  const out: Field[] = [];
  let i = 0;
  const read = () => {
    let shift = 0;
    let v = 0;
    for (;;) {
      const b = buf[i++];
      v += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return v;
      shift += 7;
    }
  };
  while (i < buf.length) {
    const tag = read();
    const wire = tag & 7;
    const no = tag >>> 3;
    if (wire === 0) out.push({ no, wire, value: read() });
    else if (wire === 2) {
      const len = read();
      out.push({ no, wire, value: buf.subarray(i, i + len) });
      i += len;
    } else throw new Error(`wx-openapi-wire: unexpected wire type ${wire}`);
  }
  return out;
}

/** The request's parameters, each pair's JSON value parsed. */
export function decodeOpenApiRequest(buf: Buffer): { apiType: number; data: Record<string, unknown> } {
  const top = fields(buf);
  const apiType = Number(top.find((f) => f.no === 1)?.value ?? 0);
  const data: Record<string, unknown> = {};
  for (const f of top.filter((x) => x.no === 2)) {
    for (const pair of fields(f.value as Buffer).filter((x) => x.no === 1)) {
      const kv = fields(pair.value as Buffer);
      const key = (kv.find((x) => x.no === 1)?.value as Buffer).toString('utf8');
      data[key] = JSON.parse((kv.find((x) => x.no === 2)?.value as Buffer).toString('utf8'));
    }
  }
  return { apiType, data };
}

/** A CommOpenApiResp carrying WeChat's JSON answer. */
export function encodeOpenApiAnswer(json: unknown): Buffer {
  const body = Buffer.from(JSON.stringify(json), 'utf8');
  return Buffer.from([...field(1, body), ...field(2, Buffer.from('application/json; charset=utf-8'))]);
}
