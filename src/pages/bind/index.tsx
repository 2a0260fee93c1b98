import { Input, View } from '@tarojs/components';
import { fieldLabel } from '../../components/a11y';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import {
  INVITE_CODE_LENGTH,
  INVITE_VALID_DAYS,
  inviteCodeProblem,
  inviteCodeSchema,
  normalizeInviteCode,
} from '../../../types/invite-code';
import { launchParams } from '../../../types/launch';
import { routes } from '../../../types/routes';
import BigButton from '../../components/big-button';
import Field from '../../components/field';
import NoticeBar from '../../components/notice-bar';
import { useOverlay } from '../../components/overlay/use-overlay';
import PageShell from '../../components/page-shell';
import { useSubmission } from '../../hooks/use-submission';
import { callCloud, errorText } from '../../services/cloud';
import { formatCode } from '../../services/format';
import { forgetUserItems } from '../../services/user-storage';
import { usersContract } from '../../../types/users';

/** The code a shared card or a scanned 小程序码 brought along, if any. */
function codeFromLaunch(): string {
  return launchParams(Taro.getCurrentInstance?.()?.router?.params).code ?? '';
}

export default function Bind() {
  const [fromLink] = useState(codeFromLaunch);
  const [code, setCode] = useState(fromLink);
  const [error, setError] = useState<string | null>(null);
  const [bound, setBound] = useState(false);
  const submission = useSubmission();
  const overlay = useOverlay();
  const busy = submission.pending !== null || bound;
  const normal = normalizeInviteCode(code);

  const type = (value: string) => {
    setCode(value);
    // Speak up at once about a character no code has; wait for 绑定 before saying it is too short.
    setError(inviteCodeProblem(value, { whileTyping: true }));
  };

  const submit = async () => {
    if (bound) return;
    const parsed = inviteCodeSchema.safeParse(code);
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? '请核对邀请码');
    setError(null);
    try {
      // One bind at a time: a second tap would answer 已绑定 over the first one's success.
      const done = await submission.submit(parsed.data, () => callCloud(usersContract, 'bind', { code: parsed.data }));
      if (!done.sent) return;
      setBound(true);
      forgetUserItems();
      await overlay.toast('绑定成功', 'success');
      void Taro.reLaunch({ url: routes.home });
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <PageShell title="绑定身份" overlay={overlay}>
      <View className="muted intro">
        请输入驻村干部发给您的 {INVITE_CODE_LENGTH} 位邀请码。一个邀请码只能用一次，{INVITE_VALID_DAYS} 天内有效。
      </View>
      {fromLink && <NoticeBar>已为您填好邀请码，核对无误后点“绑定”。</NoticeBar>}
      <Field
        label="邀请码"
        error={error}
        hint={normal.length > 0 && normal !== code ? `将核对：${formatCode(normal)}` : '字母大小写都可以，空格和横线会自动去掉'}
      >
        <Input
          className="field"
          {...fieldLabel('邀请码')}
          placeholder="例如 ABCD 2345"
          value={code}
          maxlength={40}
          onInput={(e) => type(e.detail.value)}
        />
      </Field>
      <BigButton busy={busy} busyText="正在绑定…" onTap={() => void submit()}>
        绑定
      </BigButton>
    </PageShell>
  );
}
