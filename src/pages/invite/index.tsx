import { Button, Switch, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { roleLabels, type RosterEntry } from '../../../types';
import PageShell from '../../components/page-shell';
import PagedList from '../../components/paged-list';
import { usePaged } from '../../hooks/use-cloud';
import { callCloud, errorText } from '../../services/cloud';
import { formatCode, formatTime } from '../../services/format';
import './index.scss';

interface Issued {
  code: string;
  expiresAt: string;
  memberName: string;
}

function RosterList({ unboundOnly, onPick }: { unboundOnly: boolean; onPick: (e: RosterEntry) => void }) {
  const list = usePaged((cursor) => callCloud('users', 'roster', { cursor, unboundOnly }));
  return (
    <PagedList<RosterEntry>
      list={list}
      emptyText='花名册里没有需要邀请的人'
      keyOf={(e) => e.memberId}
      render={(e) => (
        <View className='card roster-entry' onClick={() => !e.bound && onPick(e)}>
          <Text>{e.name}</Text>
          <Text className='small muted'>
            {' '}{roleLabels[e.role]} · {[e.villageName, e.detail].filter(Boolean).join(' ')}
          </Text>
          <View className='small'>{e.bound ? <Text className='muted'>已绑定微信</Text> : <Text className='badge'>点此发放邀请码</Text>}</View>
        </View>
      )}
    />
  );
}

export default function Invite() {
  const [unboundOnly, setUnboundOnly] = useState(true);
  const [issued, setIssued] = useState<Issued | null>(null);
  const [error, setError] = useState<string | null>(null);

  const issue = async (entry: RosterEntry) => {
    setError(null);
    try {
      setIssued(await callCloud('users', 'issueInvite', { memberId: entry.memberId }));
    } catch (e) {
      setError(errorText(e));
    }
  };

  if (issued) {
    return (
      <PageShell className='invite'>
        <View className='card issued'>
          <View>给 {issued.memberName} 的邀请码</View>
          <View className='code'>{formatCode(issued.code)}</View>
          <View className='small muted'>只能使用一次，{formatTime(issued.expiresAt)} 前有效。请当面或电话告诉本人。</View>
        </View>
        <Button className='big-button' onClick={() => void Taro.setClipboardData({ data: issued.code })}>复制邀请码</Button>
        <Button className='big-button secondary' onClick={() => setIssued(null)}>返回花名册</Button>
      </PageShell>
    );
  }

  return (
    <PageShell className='invite'>
      <View className='card toggle'>
        <Text>只看未绑定的人</Text>
        <Switch checked={unboundOnly} onChange={(e) => setUnboundOnly(e.detail.value)} color='#c8102e' />
      </View>
      {error && <View className='error-text'>{error}</View>}
      <RosterList key={String(unboundOnly)} unboundOnly={unboundOnly} onPick={(e) => void issue(e)} />
    </PageShell>
  );
}
