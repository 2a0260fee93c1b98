import { Input, Text, View } from '@tarojs/components';
import { fieldLabel } from '../../components/a11y';
import { useEffect, useState } from 'react';
import type { RosterEntry } from '../../../types';
import BigButton from '../../components/big-button';
import Field from '../../components/field';
import PagedList from '../../components/paged-list';
import { usePaged } from '../../hooks/use-cloud';
import { callCloud } from '../../services/cloud';
import { usersContract } from '../../../types/users';

/** The household a cadre records a wish for, as the roster shows its member. */
export interface PickedHousehold {
  memberId: string;
  name: string;
  detail: string;
  /** Null while the roster does not carry it: the wish cannot be recorded then (see householdOf). */
  householdId: string | null;
}

/**
 * The household of a roster entry. `users.roster` answers members, not households: its entries
 * carry `householdId` only once `rosterEntrySchema` declares it, so until then this is null.
 */
export function householdOf(entry: RosterEntry): string | null {
  const id = (entry as RosterEntry & { householdId?: unknown }).householdId;
  return typeof id === 'string' && id !== '' ? id : null;
}

const SEARCH_DELAY_MS = 400;

function Results({ name, onPick }: { name: string; onPick: (h: PickedHousehold) => void }) {
  const list = usePaged((page) => callCloud(usersContract, 'roster', { ...page, unboundOnly: false, ...(name ? { name } : {}) }));
  // The roster lists helpers and cadres too; a wish is only ever a villager household's.
  const villagers = { ...list, items: list.items.filter((e) => e.role === 'villager') };
  return (
    <PagedList<RosterEntry>
      list={villagers}
      emptyText={name ? `没有姓“${name}”开头的村民` : '花名册里还没有村民'}
      keyOf={(e) => e.memberId}
      render={(e) => (
        <View className="card picker-entry">
          <Text className="entry-name">{e.name}</Text>
          <View className="small muted">{[e.villageName, e.detail].filter(Boolean).join(' ')}</View>
          <BigButton
            kind="secondary"
            label={`选这一户：${e.name}家`}
            onTap={() => onPick({ memberId: e.memberId, name: e.name, detail: e.detail, householdId: householdOf(e) })}
          >
            选这一户
          </BigButton>
        </View>
      )}
    />
  );
}

/** Finds a villager of the cadre's village by the start of their name, and picks their household. */
export default function HouseholdPicker({ onPick }: { onPick: (h: PickedHousehold) => void }) {
  const [search, setSearch] = useState('');
  const [name, setName] = useState('');
  useEffect(() => {
    const t = setTimeout(() => setName(search.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(t);
  }, [search]);
  return (
    <View>
      <Field label="为哪一户代录" hint="输入户里任何一个人姓名的开头，例如“王”">
        <Input
          className="field"
          {...fieldLabel('按姓名查找村民')}
          placeholder="姓名"
          value={search}
          maxlength={20}
          onInput={(e) => setSearch(e.detail.value)}
        />
      </Field>
      <Results key={name} name={name} onPick={onPick} />
    </View>
  );
}
