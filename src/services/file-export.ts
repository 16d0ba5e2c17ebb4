import Taro from '@tarojs/taro';

/** A file written to the user data folder, waiting for the person's tap to send it (shareFileMessage). */
export interface SharedFile {
  filePath: string;
  fileName: string;
}

function download(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Hands a text file (a CSV export, one's own data) to the person. H5: a browser download (answers null).
 * Mini program: written to the user data folder and answered, for a 发送文件 tap to share (never the
 * clipboard: exports carry people's data).
 */
export function prepareTextFile(filename: string, text: string, mime = 'text/csv'): SharedFile | null {
  if (process.env.TARO_ENV === 'h5') {
    download(filename, new Blob([text], { type: `${mime};charset=utf-8` }));
    return null;
  }
  const filePath = `${Taro.env.USER_DATA_PATH}/${filename}`;
  Taro.getFileSystemManager().writeFileSync(filePath, text, 'utf8');
  return { filePath, fileName: filename };
}

/**
 * Opens WeChat's share sheet for a prepared file. WeChat allows shareFileMessage only from a tap: call this
 * straight from the tap handler, with nothing awaited before it.
 */
export function shareFile(file: SharedFile): Promise<void> {
  // Callbacks rather than the API's own promise, which not every base library answers; the executor runs
  // at once, so WeChat is still called inside the tap.
  return new Promise((resolve, reject) => {
    void Taro.shareFileMessage({ filePath: file.filePath, fileName: file.fileName, success: () => resolve(), fail: (e) => reject(new Error(e.errMsg)) });
  });
}

export interface BinaryFile {
  filename: string;
  mime: string;
  base64: string;
}

/** Types `Taro.openDocument` can show (csv is not among them). */
const DOCUMENT_TYPES = ['doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'pdf'] as const;
type DocumentType = (typeof DOCUMENT_TYPES)[number];

function base64Bytes(base64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(base64);
  const out = new Uint8Array(new ArrayBuffer(bin.length));
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/**
 * Hands a generated file (an export: `{filename, mime, base64}`) to the person. H5: a browser download.
 * Mini program: written to the user data folder with getFileSystemManager().writeFile, then opened with
 * openDocument (.xlsx; its menu saves or forwards it), or answered for a 发送文件 tap (.csv).
 */
export async function prepareBinaryFile(file: BinaryFile): Promise<SharedFile | null> {
  if (process.env.TARO_ENV === 'h5') {
    download(file.filename, new Blob([base64Bytes(file.base64)], { type: file.mime }));
    return null;
  }
  const filePath = `${Taro.env.USER_DATA_PATH}/${file.filename}`;
  await new Promise<void>((resolve, reject) => {
    Taro.getFileSystemManager().writeFile({ filePath, data: file.base64, encoding: 'base64', success: () => resolve(), fail: (e) => reject(new Error(e.errMsg)) });
  });
  const ext = file.filename.split('.').pop()?.toLowerCase() ?? '';
  if ((DOCUMENT_TYPES as readonly string[]).includes(ext)) {
    await Taro.openDocument({ filePath, fileType: ext as DocumentType, showMenu: true });
    return null;
  }
  return { filePath, fileName: file.filename };
}
