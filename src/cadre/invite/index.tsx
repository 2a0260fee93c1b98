import { Input, View } from '@tarojs/components';
import { fieldLabel } from '../../components/a11y';
import { useEffect, useState } from 'react';
import type { RosterEntry } from '../../../types';
import Field from '../../components/field';
import { useOverlay } from '../../components/overlay/use-overlay';
import PageShell from '../../components/page-shell';
import StateView from '../../components/state-view';
import Tabs from '../../components/tabs';
import { useSubmission } from '../../hooks/use-submission';
import { callCloud, errorText } from '../../services/cloud';
import IssuedInvite, { type Issued } from './issued-invite';
import RosterList from './roster-list';
import './index.scss';
import { usersContract } from '../../../types/users';

type Filter = 'unbound' | 'all';
const filters = [
  { key: 'unbound', label: '未绑定' },
  { key: 'all', label: '全部' },
] as const;

/** Typing pauses this long before the roster is searched: one request per name, not per keystroke. */
export const SEARCH_DELAY_MS = 400;

function useDebounced(value: string, ms: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return settled;
}

export default function Invite() {
  const [filter, setFilter] = useState<Filter>('unbound');
  const [search, setSearch] = useState('');
  const name = useDebounced(search.trim(), SEARCH_DELAY_MS);
  const [issued, setIssued] = useState<Issued | null>(null);
  const [error, setError] = useState<{ text: string; retry: () => void } | null>(null);
  const overlay = useOverlay();
  // One request at a time on this page. An invite's request id is kept per member until it is issued.
  const invites = useSubmission('issue-invite');
  const resets = useSubmission('reset-binding');
  const pending = invites.pending ?? resets.pending;
  const [rosterVersion, setRosterVersion] = useState(0);

  const send = async (entry: RosterEntry) => {
    setError(null);
    try {
      const done = await invites.submit(entry.memberId, (requestId) =>
        callCloud(usersContract, 'issueInvite', { memberId: entry.memberId, requestId }),
      );
      if (done.sent) setIssued(done.value);
    } catch (e) {
      // A retry is the same request: it carries the same id, so it cannot issue a second code.
      setError({ text: errorText(e), retry: () => void send(entry) });
    }
  };

  const issue = async (entry: RosterEntry) => {
    if (pending) return;
    const yes = await overlay.confirm({
      title: `给${entry.name}发放邀请码？`,
      content: '邀请码 7 天内有效，只能用一次。发放后请当面、打电话或发微信告诉本人。',
      confirmText: '发放',
    });
    if (yes) await send(entry);
  };

  const reset = async (entry: RosterEntry) => {
    if (pending) return;
    const yes = await overlay.confirm({
      title: `解除${entry.name}的绑定？`,
      content: `解除后，${entry.name}的微信不能再以此身份使用小程序，本人需要用新的邀请码重新绑定。确定解除吗？`,
      confirmText: '解除绑定',
      danger: true,
    });
    if (!yes) return;
    setError(null);
    try {
      // Not a creating action: repeated after a lost answer, it at worst says the member is no longer bound.
      const done = await resets.submit(entry.memberId, () => callCloud(usersContract, 'resetBinding', { memberId: entry.memberId }));
      if (!done.sent) return;
      void overlay.toast('已解除绑定', 'success');
      setRosterVersion((v) => v + 1);
    } catch (e) {
      setError({ text: errorText(e), retry: () => void reset(entry) });
    }
  };

  if (issued) {
    return (
      <PageShell className="invite" overlay={overlay}>
        <IssuedInvite issued={issued} overlay={overlay} onBack={() => setIssued(null)} />
      </PageShell>
    );
  }

  return (
    <PageShell className="invite" overlay={overlay}>
      <Field label="按姓名查找" hint="输入姓或名字的开头，例如“王”">
        <Input
          className="field"
          {...fieldLabel('按姓名查找')}
          placeholder="姓名"
          value={search}
          maxlength={20}
          onInput={(e) => setSearch(e.detail.value)}
        />
      </Field>
      <Tabs tabs={filters} value={filter} onChange={setFilter} />
      <StateView loading={false} error={error?.text ?? null} onRetry={error?.retry} />
      <View>
        <RosterList
          key={`${filter}:${name}`}
          unboundOnly={filter === 'unbound'}
          name={name}
          pending={pending}
          version={rosterVersion}
          onIssue={(e) => void issue(e)}
          onReset={(e) => void reset(e)}
        />
      </View>
    </PageShell>
  );
}
