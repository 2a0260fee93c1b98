import { Button, Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { inviteCodeSchema } from '../../../types';
import PageShell from '../../components/page-shell';
import { useSubmission } from '../../hooks/use-submission';
import { callCloud, errorText } from '../../services/cloud';

export default function Bind() {
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [bound, setBound] = useState(false);
  const submission = useSubmission();
  const busy = submission.pending !== null || bound;

  const submit = async () => {
    if (bound) return;
    const parsed = inviteCodeSchema.safeParse(code);
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? '请核对邀请码');
    setError(null);
    try {
      // One bind at a time: a second tap would answer 已绑定 over the first one's success.
      const done = await submission.submit(parsed.data, () => callCloud('users', 'bind', { code: parsed.data }));
      if (!done.sent) return;
      setBound(true);
      await Taro.showToast({ title: '绑定成功', icon: 'success' });
      void Taro.reLaunch({ url: '/pages/index/index' });
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <PageShell>
      <View className="card">
        <Text className="title">绑定身份</Text>
        <View className="muted">请输入驻村干部发给您的 8 位邀请码。一个邀请码只能用一次，7 天内有效。</View>
      </View>
      <Input className="field" placeholder="例如 ABCD 2345" value={code} maxlength={12} onInput={(e) => setCode(e.detail.value)} />
      {error && <View className="error-text">{error}</View>}
      <Button className={`big-button ${busy ? 'is-busy' : ''}`} disabled={busy} onClick={() => void submit()}>
        {busy ? '正在绑定…' : '绑定'}
      </Button>
    </PageShell>
  );
}
