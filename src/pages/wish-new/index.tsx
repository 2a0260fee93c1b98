import { Button, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { WISH_TEXT_MAX, wishCategoryLabels, wishesContract, type WishCategory } from '../../../types';
import PageShell from '../../components/page-shell';
import { useSubmission } from '../../hooks/use-submission';
import { callCloud, errorText } from '../../services/cloud';
import './index.scss';

const categories = Object.entries(wishCategoryLabels) as [WishCategory, string][];

export default function WishNew() {
  const [category, setCategory] = useState<WishCategory | null>(null);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const submission = useSubmission();
  const busy = submission.pending !== null || sent;

  const submit = async () => {
    if (sent) return;
    // The same schema the cloud function checks, so the villager hears about a mistake before sending.
    const parsed = wishesContract.actions.submit.input.safeParse({ category, text });
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? '请检查填写的内容');
    setError(null);
    const { category: chosen, text: wish } = parsed.data;
    try {
      // Same category and text: the same wish, so a retry after a lost answer cannot create a second one.
      const done = await submission.submit(`${chosen}\n${wish}`, (requestId) =>
        callCloud('wishes', 'submit', { category: chosen, text: wish, requestId }),
      );
      if (!done.sent) return;
      // Stay disabled until the page is gone: a tap now would be a new wish.
      setSent(true);
      await Taro.showToast({ title: '心愿已提交', icon: 'success' });
      void Taro.redirectTo({ url: '/pages/my-wishes/index' });
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <PageShell className="wish-new">
      <View className="muted">写下您家需要帮助的一件小事，驻村干部审核后会放上心愿墙。</View>
      <View className="section-label">心愿类别</View>
      <View className="chips">
        {categories.map(([value, label]) => (
          <Button key={value} className={`big-button chip ${category === value ? '' : 'secondary'}`} onClick={() => setCategory(value)}>
            {label}
          </Button>
        ))}
      </View>
      <View className="section-label">心愿内容</View>
      <Textarea
        className="field wish-text"
        placeholder="例如：孙子上学需要一个书包"
        value={text}
        maxlength={WISH_TEXT_MAX}
        onInput={(e) => setText(e.detail.value)}
      />
      <Text className="small muted">
        {text.trim().length}/{WISH_TEXT_MAX} 字
      </Text>
      {error && <View className="error-text">{error}</View>}
      <Button className={`big-button submit ${busy ? 'is-busy' : ''}`} disabled={busy} onClick={() => void submit()}>
        {sent ? '已提交' : busy ? '正在提交…' : '提交心愿'}
      </Button>
    </PageShell>
  );
}
