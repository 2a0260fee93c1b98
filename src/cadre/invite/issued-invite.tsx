import { Image, View } from '@tarojs/components';
import Taro, { useShareAppMessage } from '@tarojs/taro';
import { invitePath } from '../../../types';
import { a11y } from '../../components/a11y';
import BigButton from '../../components/big-button';
import type { Overlay } from '../../components/overlay/use-overlay';
import StateView from '../../components/state-view';
import { useLoad } from '../../hooks/use-cloud';
import { callCloud } from '../../services/cloud';
import { formatCode, formatTime } from '../../services/format';
import { usersContract } from '../../../types/users';

export interface Issued {
  code: string;
  expiresAt: string;
  memberName: string;
}

/**
 * A code just issued, in three forms for three situations: read out (phone call), a
 * mini-program card (the person is a WeChat friend), a 小程序码 to scan (face to face).
 */
export default function IssuedInvite({ issued, overlay, onBack }: { issued: Issued; overlay: Overlay; onBack: () => void }) {
  const qr = useLoad(() => callCloud(usersContract, 'inviteQr', { code: issued.code }));
  // WeChat asks for the card when the share button below is tapped; it opens the bind page with the code filled in.
  useShareAppMessage(() => ({ title: `${issued.memberName}，请用这张卡片绑定“暖心驻村”`, path: invitePath(issued.code) }));

  const copy = async () => {
    await Taro.setClipboardData({ data: issued.code });
    void overlay.toast('邀请码已复制', 'success');
  };

  return (
    <View>
      <View className="card issued">
        <View>给 {issued.memberName} 的邀请码</View>
        <View className="code">{formatCode(issued.code)}</View>
        <View className="small muted">只能使用一次，{formatTime(issued.expiresAt)} 前有效。</View>
        {qr.data ? (
          <View className="qr">
            <Image className="qr-image" src={qr.data.image} mode="aspectFit" {...a11y('img', `${issued.memberName}的绑定二维码`)} />
            <View className="small">请本人用微信扫一扫，会打开绑定页并填好邀请码</View>
          </View>
        ) : (
          <StateView loading={qr.loading} error={qr.error} onRetry={qr.reload} />
        )}
      </View>
      {process.env.TARO_ENV === 'weapp' && (
        <BigButton openType="share" onTap={() => undefined}>
          发给本人的微信
        </BigButton>
      )}
      <BigButton kind="secondary" onTap={() => void copy()}>
        复制邀请码
      </BigButton>
      <BigButton kind="secondary" onTap={onBack}>
        返回花名册
      </BigButton>
    </View>
  );
}
