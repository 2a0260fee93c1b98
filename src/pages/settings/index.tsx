import { Button, View } from '@tarojs/components';
import PageShell from '../../components/page-shell';
import { setTextSize, textSizeLabels, useTextSize, type TextSize } from '../../services/text-size';

const sizes = Object.keys(textSizeLabels) as TextSize[];

export default function Settings() {
  const size = useTextSize();
  return (
    <PageShell>
      <View className="title">字号</View>
      <View className="muted">大字模式下文字和按钮都会变大，方便老人使用。</View>
      {sizes.map((s) => (
        <Button key={s} className={`big-button ${s === size ? '' : 'secondary'}`} onClick={() => setTextSize(s)}>
          {textSizeLabels[s]}
          {s === size ? '（当前）' : ''}
        </Button>
      ))}
      <View className="card">示例：今天下午三点，驻村干部到您家走访。</View>
    </PageShell>
  );
}
