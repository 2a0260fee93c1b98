import { Button, Switch, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { roleLabels, type RosterEntry } from '../../../types';
import PageShell from '../../components/page-shell';
import PagedList from '../../components/paged-list';
import StateView from '../../components/state-view';
import { usePaged } from '../../hooks/use-cloud';
import { useSubmission } from '../../hooks/use-submission';
import { callCloud, errorText } from '../../services/cloud';
import { formatCode, formatTime } from '../../services/format';
import './index.scss';

interface Issued {
  code: string;
  expiresAt: string;
  memberName: string;
}

interface RosterProps {
  unboundOnly: boolean;
  /** The member whose invite or reset is being sent, if any. */
  pending: string | null;
  /** Goes up when the roster changed here (a binding was reset): the list reads it again. */
  version: number;
  onIssue: (entry: RosterEntry) => void;
  onReset: (entry: RosterEntry) => void;
}

function RosterList({ unboundOnly, pending, version, onIssue, onReset }: RosterProps) {
  const list = usePaged((page) => callCloud('users', 'roster', { ...page, unboundOnly }));
  const { reload } = list;
  const seen = useRef(version);
  useEffect(() => {
    if (version === seen.current) return;
    seen.current = version;
    reload();
  }, [version, reload]);
  return (
    <PagedList<RosterEntry>
      list={list}
      emptyText="花名册里没有需要邀请的人"
      keyOf={(e) => e.memberId}
      render={(e) => (
        <View className="card roster-entry" onClick={() => !e.bound && onIssue(e)}>
          <Text>{e.name}</Text>
          <Text className="small muted">
            {' '}
            {roleLabels[e.role]} · {[e.villageName, e.detail].filter(Boolean).join(' ')}
          </Text>
          <View className="small">
            {e.bound ? (
              <Text className="muted">已绑定微信</Text>
            ) : (
              <Text className="badge">{pending === e.memberId ? '正在发放…' : '点此发放邀请码'}</Text>
            )}
          </View>
          {e.bound && (
            <Button
              className={`big-button secondary reset-binding ${pending === e.memberId ? 'is-busy' : ''}`}
              disabled={pending === e.memberId}
              onClick={() => onReset(e)}
            >
              {pending === e.memberId ? '正在解除…' : '解除绑定'}
            </Button>
          )}
        </View>
      )}
    />
  );
}

export default function Invite() {
  const [unboundOnly, setUnboundOnly] = useState(true);
  const [issued, setIssued] = useState<Issued | null>(null);
  const [error, setError] = useState<{ text: string; retry: () => void } | null>(null);
  // One request at a time on this page. An invite's request id is kept per member until it is issued.
  const invites = useSubmission();
  const resets = useSubmission();
  const pending = invites.pending ?? resets.pending;
  const [rosterVersion, setRosterVersion] = useState(0);

  const issue = async (entry: RosterEntry) => {
    if (pending) return;
    setError(null);
    try {
      const done = await invites.submit(entry.memberId, (requestId) =>
        callCloud('users', 'issueInvite', { memberId: entry.memberId, requestId }),
      );
      if (done.sent) setIssued(done.value);
    } catch (e) {
      setError({ text: errorText(e), retry: () => void issue(entry) });
    }
  };

  const reset = async (entry: RosterEntry) => {
    if (pending) return;
    const { confirm } = await Taro.showModal({
      title: '解除绑定',
      content: `解除后，${entry.name}的微信不能再以此身份使用小程序，本人需要用新的邀请码重新绑定。确定解除吗？`,
      confirmText: '解除绑定',
      confirmColor: '#c8102e',
      cancelText: '取消',
    });
    if (!confirm) return;
    setError(null);
    try {
      // Not a creating action: repeated after a lost answer, it at worst says the member is no longer bound.
      const done = await resets.submit(entry.memberId, () => callCloud('users', 'resetBinding', { memberId: entry.memberId }));
      if (!done.sent) return;
      void Taro.showToast({ title: '已解除绑定', icon: 'success' });
      setRosterVersion((v) => v + 1);
    } catch (e) {
      setError({ text: errorText(e), retry: () => void reset(entry) });
    }
  };

  if (issued) {
    return (
      <PageShell className="invite">
        <View className="card issued">
          <View>给 {issued.memberName} 的邀请码</View>
          <View className="code">{formatCode(issued.code)}</View>
          <View className="small muted">只能使用一次，{formatTime(issued.expiresAt)} 前有效。请当面或电话告诉本人。</View>
        </View>
        <Button className="big-button" onClick={() => void Taro.setClipboardData({ data: issued.code })}>
          复制邀请码
        </Button>
        <Button className="big-button secondary" onClick={() => setIssued(null)}>
          返回花名册
        </Button>
      </PageShell>
    );
  }

  return (
    <PageShell className="invite">
      <View className="card toggle">
        <Text>只看未绑定的人</Text>
        <Switch checked={unboundOnly} onChange={(e) => setUnboundOnly(e.detail.value)} color="#c8102e" />
      </View>
      <StateView loading={false} error={error?.text ?? null} onRetry={error?.retry} />
      <RosterList
        key={String(unboundOnly)}
        unboundOnly={unboundOnly}
        pending={pending}
        version={rosterVersion}
        onIssue={(e) => void issue(e)}
        onReset={(e) => void reset(e)}
      />
    </PageShell>
  );
}
