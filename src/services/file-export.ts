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
  try {
    Taro.getFileSystemManager().writeFileSync(path, text, 'utf8');
    await Taro.shareFileMessage({ filePath: path, fileName: filename });
    return '已生成文件';
  } catch {
    await Taro.setClipboardData({ data: text });
    return '已复制到剪贴板';
  }
}
