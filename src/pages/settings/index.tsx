import { View } from '@tarojs/components';
import Chips from '../../components/chips';
import Field from '../../components/field';
import PageShell from '../../components/page-shell';
import { setTextSize, textSizeLabels, useTextSize, type TextSize } from '../../services/text-size';

const sizes = (Object.keys(textSizeLabels) as TextSize[]).map((value) => ({ value, label: textSizeLabels[value] }));

export default function Settings() {
  const size = useTextSize();
  return (
    <PageShell title="字号">
      <View className="muted intro">大字模式下文字和按钮都会变大，方便老人使用。没选过时，跟随微信里设置的字体大小。</View>
      <Field label="选择字号">
        <Chips label="字号" options={sizes} value={size} onChange={setTextSize} />
      </Field>
      <View className="card">示例：今天下午三点，驻村干部到您家走访。</View>
    </PageShell>
  );
}
