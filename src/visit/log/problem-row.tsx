import { Textarea, View } from '@tarojs/components';
import { fieldLabel } from '../../components/a11y';
import BigButton from '../../components/big-button';
import Chips from '../../components/chips';
import Field from '../../components/field';
import { addDays } from '../../services/format';
import DateField from '../date-field';

/** One problem found on a visit, as the form holds it. */
export interface ProblemDraft {
  /** Keeps a row's identity in the list while others are removed. */
  key: string;
  text: string;
  /** Who follows it up: null for the visitor (the function's default). */
  ownerId: string | null;
  /** Null for the default, 7 days after the visit (the function's default too). */
  dueDate: string | null;
}

export const PROBLEM_TEXT_MAX = 200;
const ME = 'me';

interface Props {
  index: number;
  problem: ProblemDraft;
  /** Others who may follow it up: the household's paired helpers other than the visitor. */
  owners: readonly { id: string; name: string }[];
  visitedOn: string;
  today: string;
  error?: string;
  onChange: (patch: Partial<ProblemDraft>) => void;
  onRemove: () => void;
}

/** A problem: what it is, who follows it up (the visitor unless changed), by when (a week unless changed). */
export default function ProblemRow({ index, problem, owners, visitedOn, today, error, onChange, onRemove }: Props) {
  const options = [{ value: ME, label: '我自己' }, ...owners.map((o) => ({ value: o.id, label: o.name }))];
  const n = index + 1;
  return (
    <View className="card problem-row">
      <Field label={`问题 ${n}`} error={error} count={{ value: problem.text.trim().length, max: PROBLEM_TEXT_MAX }}>
        <Textarea
          className="field problem-text"
          {...fieldLabel(`问题 ${n}`)}
          placeholder="例如：屋顶漏雨，需要修缮"
          value={problem.text}
          maxlength={-1}
          onInput={(e) => onChange({ text: e.detail.value })}
        />
      </Field>
      {options.length > 1 && (
        <Field label="谁来跟进">
          <Chips
            label={`问题 ${n} 谁来跟进`}
            options={options}
            value={problem.ownerId ?? ME}
            onChange={(v) => onChange({ ownerId: v === ME ? null : v })}
          />
        </Field>
      )}
      <DateField
        label={`问题 ${n} 哪天前办好`}
        value={problem.dueDate ?? addDays(visitedOn, 7)}
        start={today}
        end={addDays(today, 90)}
        hint={problem.dueDate === null ? '默认走访后 7 天' : undefined}
        onChange={(dueDate) => onChange({ dueDate })}
      />
      <BigButton kind="danger" label={`删除这个问题：问题 ${n}`} onTap={onRemove}>
        删除这个问题
      </BigButton>
    </View>
  );
}
