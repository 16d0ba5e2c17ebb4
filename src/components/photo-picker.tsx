import { Image, Text, View } from '@tarojs/components';
import type { PhotoUpload } from '../hooks/use-photo-upload';
import { previewPhotos } from '../services/photos';
import './photo-picker.scss';

/** Thumbnails of the chosen photos with their upload progress, retry and remove; an add tile while room remains. */
export function PhotoPicker({ upload }: { upload: PhotoUpload }) {
  return (
    <View className='photo-picker'>
      <View className='photo-picker__grid'>
        {upload.items.map((p, i) => (
          <View key={p.key} className={`photo-picker__tile photo-picker__tile--${p.status}`}>
            <View className='photo-picker__img' onClick={() => upload.preview(p.key)} role='button' aria-label={`查看第${i + 1}张照片`}>
              <Image className='photo-picker__img' src={p.path} mode='aspectFill' aria-label={`第${i + 1}张照片`} />
            </View>
            {p.status === 'uploading' ? (
              <View className='photo-picker__progress' aria-live='polite'>
                <Text>{`上传中 ${p.progress}%`}</Text>
              </View>
            ) : null}
            {p.status === 'failed' ? (
              <View className='photo-picker__failed' onClick={() => upload.retry(p.key)} role='button' aria-label={`第${i + 1}张照片上传失败，点此重试`}>
                <Text>上传失败</Text>
                <Text className='photo-picker__retry'>点此重试</Text>
              </View>
            ) : null}
            <View className='photo-picker__remove' onClick={() => upload.remove(p.key)} role='button' aria-label={`删除第${i + 1}张照片`}>
              <Text>×</Text>
            </View>
          </View>
        ))}
        {upload.items.length < upload.max ? (
          <View className='photo-picker__add' onClick={() => void upload.add()} role='button' aria-label='添加照片'>
            <Text className='photo-picker__plus'>+</Text>
            <Text className='photo-picker__add-text'>拍照/相册</Text>
          </View>
        ) : null}
      </View>
      <Text className='muted photo-picker__hint'>{`可拍照或从相册选，最多 ${upload.max} 张（已选 ${upload.items.length} 张）。照片会先压缩再上传，省流量。`}</Text>
      {upload.chooseError ? <Text className='error-text'>{upload.chooseError}</Text> : null}
    </View>
  );
}

/** Photos already stored (display URLs): thumbnails, full view on tap. */
export function PhotoGallery({ urls, label = '照片' }: { urls: string[]; label?: string }) {
  if (urls.length === 0) return null;
  return (
    <View className='photo-gallery'>
      {urls.map((u, i) => (
        <View key={u} className='photo-gallery__img' onClick={() => previewPhotos(urls, u)} role='button' aria-label={`${label}${i + 1}，点击查看大图`}>
          <Image className='photo-gallery__img' src={u} mode='aspectFill' aria-label={`${label}${i + 1}`} />
        </View>
      ))}
    </View>
  );
}
