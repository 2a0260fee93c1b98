import { Text, View } from '@tarojs/components';
import { useEffect, useRef } from 'react';
import { roleLabels, type RosterEntry } from '../../../types';
import BigButton from '../../components/big-button';
import PagedList from '../../components/paged-list';
import { usePaged } from '../../hooks/use-cloud';
import { callCloud } from '../../services/cloud';
import { usersContract } from '../../../types/users';

interface Props {
  unboundOnly: boolean;
  /** A name prefix to search for, already trimmed; empty for everyone. */
  name: string;
  /** The member whose invite or reset is being sent, if any. */
  pending: string | null;
  /** Goes up when the roster changed here (a binding was reset): the list reads it again. */
  version: number;
  onIssue: (entry: RosterEntry) => void;
  onReset: (entry: RosterEntry) => void;
}

/** The people of the caller's area, each with what can be done for them now. */
export default function RosterList({ unboundOnly, name, pending, version, onIssue, onReset }: Props) {
  const list = usePaged((page) => callCloud(usersContract, 'roster', { ...page, unboundOnly, ...(name ? { name } : {}) }));
  const { reload } = list;
  const seen = useRef(version);
  useEffect(() => {
    if (version === seen.current) return;
    seen.current = version;
    reload();
  }, [version, reload]);
  const nobody = name ? `没有姓“${name}”开头的人` : unboundOnly ? '花名册里的人都已绑定微信' : '花名册里还没有人';
  return (
    <PagedList<RosterEntry>
      list={list}
      emptyText={nobody}
      keyOf={(e) => e.memberId}
      render={(e) => (
        <View className="card roster-entry">
          <View className="entry-head">
            <Text className="entry-name">{e.name}</Text>
            <Text className={e.bound ? 'badge is-bound' : 'badge'}>{e.bound ? '已绑定微信' : '未绑定'}</Text>
          </View>
          <View className="small muted">
            {roleLabels[e.role]} · {[e.villageName, e.detail].filter(Boolean).join(' ')}
          </View>
          {e.bound ? (
            <BigButton
              kind="danger"
              className="entry-action"
              label={`解除${e.name}的绑定`}
              busy={pending === e.memberId}
              busyText="正在解除…"
              onTap={() => onReset(e)}
            >
              解除绑定
            </BigButton>
          ) : (
            <BigButton
              className="entry-action"
              label={`给${e.name}发放邀请码`}
              busy={pending === e.memberId}
              busyText="正在发放…"
              onTap={() => onIssue(e)}
            >
              发放邀请码
            </BigButton>
          )}
        </View>
      )}
    />
  );
}
