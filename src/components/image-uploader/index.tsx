import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { a11y } from '../a11y';
import './index.scss';

interface Props {
  /** Local paths of the chosen photos, in order. */
  value: readonly string[];
  max: number;
  onChange: (paths: string[]) => void;
  /** Says why picking failed (no permission, …); cancelling is not a failure. */
  onError?: (message: string) => void;
}

/**
 * Choosing photos for a form: thumbnails with a delete button each and an add tile while
 * under `max`. Photos are compressed by the platform (old phones, slow networks); uploading
 * them is the form's business.
 */
export default function ImageUploader({ value, max, onChange, onError }: Props) {
  const add = async () => {
    try {
      const res = await Taro.chooseImage({ count: max - value.length, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
      onChange([...value, ...res.tempFilePaths].slice(0, max));
    } catch (e) {
      const msg = (e as { errMsg?: string } | undefined)?.errMsg ?? '';
      if (!/cancel/i.test(msg)) onError?.('没能打开相册或相机，请检查微信的相册和相机权限');
    }
  };
  return (
    <View className="uploader">
      {value.map((path, i) => (
        <View key={path} className="uploader-item">
          <Image className="uploader-image" src={path} mode="aspectFill" {...a11y('img', `第 ${i + 1} 张照片`)} />
          <View
            className="uploader-remove"
            {...a11y('button', `删除第 ${i + 1} 张照片`)}
            onClick={() => onChange(value.filter((_, j) => j !== i))}
          >
            ✕ 删除
          </View>
        </View>
      ))}
      {value.length < max && (
        <View className="uploader-add" {...a11y('button')} onClick={() => void add()}>
          <Text className="uploader-plus">＋</Text>
          <Text className="small">
            添加照片 {value.length}/{max}
          </Text>
        </View>
      )}
    </View>
  );
}
