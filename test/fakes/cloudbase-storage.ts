/**
 * CloudBase storage for tests, behind the real `@cloudbase/node-sdk` 3.18: `uploadFile` asks
 * `storage.getUploadMetadata` (through the API fake) for a signed COS URL and PUTs the bytes there, so the fake
 * answers with a URL of a small HTTP server in this process that checks the signature headers the SDK sends
 * (`authorization`, `x-cos-security-token`, `x-cos-meta-fileid`, `key`) and keeps the file — or answers COS's
 * XML error, as COS does. `getTempFileURL` (`storage.batchGetDownloadUrl`) answers signed URLs of that server,
 * which serves the bytes; `copyFile` (`storage.batchCopyFile`) copies or moves them; `deleteFile`
 * (`storage.batchDeleteFile`) removes files. Nothing leaves the process.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FakeCloudbaseApi } from './cloudbase-api';

interface Pending {
  path: string;
  fileId: string;
  cosFileId: string;
  token: string;
  authorization: string;
}

const cosError = (code: string, message: string) =>
  `<?xml version='1.0' encoding='utf-8' ?>\n<Error>\n<Code>${code}</Code>\n<Message>${message}</Message>\n<Resource>/</Resource>\n<RequestId>fake-cos</RequestId>\n<TraceId>fake-trace</TraceId>\n</Error>`;

export class FakeCloudbaseStorage {
  /** Stored files by file id (`cloud://<env>.<bucket>/<path>`). */
  readonly files = new Map<string, Buffer>();
  /** Every copy made (copyFile), by file id. */
  readonly copies: Array<{ from: string; to: string }> = [];
  /** Every PUT the SDK sent, with the headers it signed. */
  readonly puts: Array<{ path: string; headers: http.IncomingHttpHeaders }> = [];
  private readonly pending = new Map<string, Pending>();
  private server: http.Server | null = null;
  private base = '';

  constructor(private readonly bucket = 'jiefang-test.6a69-jiefang-test-1300000000') {}

  /** Starts the COS stand-in and answers the storage actions on `api`. */
  async install(api: FakeCloudbaseApi): Promise<this> {
    this.server = http.createServer((req, res) => void this.serve(req, res));
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    api.on('storage.getUploadMetadata', (p) => {
      const path = String(p.path);
      const meta: Pending = { path, fileId: `cloud://${this.bucket}/${path}`, cosFileId: randomBytes(8).toString('hex'), token: randomBytes(8).toString('hex'), authorization: `q-sign-algorithm=sha1&q-signature=${randomBytes(8).toString('hex')}` };
      this.pending.set(path, meta);
      return { data: { url: `${this.base}/${encodeURI(path)}`, token: meta.token, authorization: meta.authorization, fileId: meta.fileId, cosFileId: meta.cosFileId, download_url: `${this.base}/${encodeURI(path)}` } };
    });
    api.on('storage.batchGetDownloadUrl', (p) => ({
      data: {
        download_list: (p.file_list as Array<{ fileid: string }>).map((f) =>
          this.files.has(f.fileid) ? { code: 'SUCCESS', fileID: f.fileid, tempFileURL: `${this.base}/${encodeURI(this.pathOf(f.fileid))}?sign=fake` } : { code: 'STORAGE_FILE_NONEXIST', fileID: f.fileid, tempFileURL: '' },
        ),
      },
    }));
    // copyFile: paths inside the bucket; a copy keeps the file's name (the SDK checks that before asking).
    api.on('storage.batchCopyFile', (p) => ({
      data: {
        copy_list: (p.file_list as Array<{ src_path: string; dst_path: string; overwrite?: boolean; remove_original?: boolean }>).map((f) => {
          const src = `cloud://${this.bucket}/${f.src_path}`;
          const dst = `cloud://${this.bucket}/${f.dst_path}`;
          const bytes = this.files.get(src);
          if (!bytes) return { fileId: src, code: 'STORAGE_FILE_NONEXIST', message: 'source file does not exist' };
          if (this.files.has(dst) && !f.overwrite) return { fileId: dst, code: 'STORAGE_FILE_EXIST', message: 'target file exists' };
          this.files.set(dst, bytes);
          if (f.remove_original) this.files.delete(src);
          this.copies.push({ from: src, to: dst });
          return { fileId: dst, code: 'SUCCESS' };
        }),
      },
    }));
    api.on('storage.batchDeleteFile', (p) => ({
      data: { delete_list: (p.fileid_list as string[]).map((fileID) => ({ fileID, code: this.files.delete(fileID) ? 'SUCCESS' : 'STORAGE_FILE_NONEXIST' })) },
    }));
    return this;
  }

  async uninstall(): Promise<void> {
    if (this.server) await new Promise((r) => this.server!.close(r));
    this.server = null;
  }

  private pathOf(fileId: string): string {
    return fileId.slice(`cloud://${this.bucket}/`.length);
  }

  private async serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const path = decodeURI(new URL(req.url ?? '/', this.base).pathname.slice(1));
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    if (req.method === 'GET') {
      const bytes = this.files.get(`cloud://${this.bucket}/${path}`);
      res.writeHead(bytes ? 200 : 404).end(bytes ?? cosError('NoSuchKey', 'The specified key does not exist.'));
      return;
    }
    const meta = this.pending.get(path);
    this.puts.push({ path, headers: req.headers });
    const signed = meta && req.method === 'PUT' && req.headers.authorization === meta.authorization && req.headers['x-cos-security-token'] === meta.token && req.headers['x-cos-meta-fileid'] === meta.cosFileId && req.headers.key === encodeURIComponent(path);
    if (!signed) {
      res.writeHead(403, { 'content-type': 'application/xml' }).end(cosError('AccessDenied', 'Access Denied.'));
      return;
    }
    this.pending.delete(path);
    this.files.set(meta.fileId, Buffer.concat(chunks));
    // COS answers a successful PUT with an empty body.
    res.writeHead(200).end();
  }
}
