import { Text, View } from '@tarojs/components';
import { consultStatusLabels, consultTypeLabels, type ConsultSummary } from '../../types/consults';
import { a11y } from '../components/a11y';
import { dueInWords, statusTone } from './words';

/** The status in words, on a colour that only repeats them; 已超时 and 已上报镇里 as words of their own. */
export function ConsultFlags({ consult, household, now }: { consult: ConsultSummary; household: boolean; now?: Date }) {
  const due = dueInWords(consult, household, now);
  return (
    <View className="consult-flags">
      <Text className={`consult-status is-${statusTone[consult.status]}`}>{consultStatusLabels[consult.status]}</Text>
      {due.flag && <Text className="consult-flag is-overdue">{due.flag}</Text>}
      {consult.escalated && !household && <Text className="consult-flag is-escalated">已上报镇里</Text>}
    </View>
  );
}

interface Props {
  consult: ConsultSummary;
  /** The household's own list (我的求助): no household label, and 请确认 in its words. */
  household: boolean;
  onOpen: () => void;
}

/** A request in a list: what kind, for whom, its status and deadline in words; one tap target that opens it. */
export default function ConsultCard({ consult, household, onOpen }: Props) {
  const due = dueInWords(consult, household);
  return (
    <View className={`card consult-card ${due.flag ? 'is-overdue' : ''}`} {...a11y('button')} onClick={onOpen}>
      <ConsultFlags consult={consult} household={household} />
      <View className="consult-card-type">{consultTypeLabels[consult.type]}</View>
      {!household && <View className="consult-card-who">{consult.householdLabel}</View>}
      <View className="consult-card-excerpt">{consult.excerpt}</View>
      <View className={`consult-card-due small ${due.flag ? 'is-overdue' : ''}`}>{due.rest}</View>
      <View className="small muted">
        {household ? '' : `${consult.villageName} · `}
        办理人：{consult.assignee}
      </View>
    </View>
  );
}
