import Taro from '@tarojs/taro';

/**
 * Hands a text file to the person: a download in H5; in the mini program a file in the user data
 * folder, opened for sharing or saving.
 */
export async function saveTextFile(name: string, text: string, mime: string): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    const url = URL.createObjectURL(new Blob([text], { type: `${mime};charset=utf-8` }));
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return;
  }
  const path = `${Taro.env.USER_DATA_PATH}/${name}`;
  Taro.getFileSystemManager().writeFileSync(path, text, 'utf8');
  // Never the clipboard: a person's data export must not linger where any app can read it.
  await Taro.shareFileMessage({ filePath: path, fileName: name });
}
