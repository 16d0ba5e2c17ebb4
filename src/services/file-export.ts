import Taro from '@tarojs/taro';

/**
 * Hands a text file (e.g. a CSV export) to the user. H5: a browser download. Mini program: written to
 * the user data folder and offered through the chat share sheet, falling back to the clipboard.
 * Returns a short Chinese confirmation to show.
 */
export async function saveTextFile(filename: string, text: string, mime = 'text/csv'): Promise<string> {
  if (process.env.TARO_ENV === 'h5') {
    const url = URL.createObjectURL(new Blob([text], { type: `${mime};charset=utf-8` }));
    const a = document.createElement('a');
    a.href = url;
    a.download = filename;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return '已开始下载';
  }
  const path = `${Taro.env.USER_DATA_PATH}/${filename}`;
  Taro.getFileSystemManager().writeFileSync(path, text, 'utf8');
  await Taro.shareFileMessage({ filePath: path, fileName: filename });
  return '已生成文件';
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
 * Hands a generated file (an export: `{filename, mime, base64}`) to the user. H5: a browser download.
 * Mini program: written to the user data folder with getFileSystemManager().writeFile, then opened with
 * openDocument (.xlsx; its menu saves or forwards it) or offered in the chat share sheet (.csv).
 */
export async function saveBinaryFile(file: BinaryFile): Promise<string> {
  if (process.env.TARO_ENV === 'h5') {
    const url = URL.createObjectURL(new Blob([base64Bytes(file.base64)], { type: file.mime }));
    const a = document.createElement('a');
    a.href = url;
    a.download = file.filename;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return '已开始下载';
  }
  const filePath = `${Taro.env.USER_DATA_PATH}/${file.filename}`;
  await new Promise<void>((resolve, reject) => {
    Taro.getFileSystemManager().writeFile({ filePath, data: file.base64, encoding: 'base64', success: () => resolve(), fail: (e) => reject(new Error(e.errMsg)) });
  });
  const ext = file.filename.split('.').pop()?.toLowerCase() ?? '';
  if ((DOCUMENT_TYPES as readonly string[]).includes(ext)) {
    await Taro.openDocument({ filePath, fileType: ext as DocumentType, showMenu: true });
    return '已打开文件';
  }
  await Taro.shareFileMessage({ filePath, fileName: file.filename });
  return '已生成文件';
}
