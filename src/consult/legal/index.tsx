import { View } from '@tarojs/components';
import { useState } from 'react';
import { consultsContract, type LegalAidCard } from '../../../types/consults';
import BigButton from '../../components/big-button';
import NoticeBar from '../../components/notice-bar';
import { useOverlay } from '../../components/overlay/use-overlay';
import PageShell from '../../components/page-shell';
import StateView from '../../components/state-view';
import { useLoad } from '../../hooks/use-cloud';
import { useProfile } from '../../hooks/use-profile';
import { callCloud } from '../../services/cloud';
import LegalAid from '../legal-aid';
import LegalEditForm from './edit-form';
import '../consult.scss';

/** 法律援助便民服务卡: everyone reads it and taps a number to call; the county's office keeps it up to date. */
export default function LegalCardPage() {
  const loaded = useLoad(() => callCloud(consultsContract, 'legalCard', {}), { cacheKey: 'legal-card' });
  const [saved, setSaved] = useState<LegalAidCard | null>(null);
  const [editing, setEditing] = useState(false);
  const overlay = useOverlay();
  const profile = useProfile();
  const card = saved ?? loaded.data;
  const edits = profile?.role === 'office' && profile.scope.level === 'county';
  return (
    <PageShell className="consult-page legal-card" overlay={overlay}>
      {loaded.offline && <NoticeBar kind="offline">网络不通，下面是上次保存的内容</NoticeBar>}
      <View className="muted intro">遇到借钱不还、土地纠纷、工伤讨薪、家庭矛盾，可以免费问法律援助。</View>
      {card &&
        (editing ? (
          <LegalEditForm
            card={card}
            overlay={overlay}
            onSaved={(next) => {
              setSaved(next);
              setEditing(false);
            }}
          />
        ) : (
          <>
            <LegalAid card={card} />
            {edits && !loaded.offline && (
              <BigButton kind="secondary" onTap={() => setEditing(true)}>
                修改服务卡
              </BigButton>
            )}
          </>
        ))}
      <StateView loading={loaded.loading && !card} error={card ? null : loaded.error} onRetry={loaded.reload} />
    </PageShell>
  );
}
