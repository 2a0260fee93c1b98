import { Text, View } from '@tarojs/components';
import { a11y } from '../a11y';
import './index.scss';

interface Props {
  /** The stages in order, e.g. 提交 → 审核 → 认领 → 完成. */
  steps: readonly string[];
  /** The stage reached now (0-based). */
  current: number;
  /** The current stage ended badly, e.g. 未通过: it is marked with ✕ and this word instead of its name. */
  failed?: string;
}

/** Where a wish or request is: done stages ✓, the current one marked in words, later ones grey. */
export default function Steps({ steps, current, failed }: Props) {
  return (
    <View className="steps" {...a11y('list', '进度')}>
      {steps.map((name, i) => {
        const state = i < current ? 'done' : i === current ? (failed ? 'failed' : 'current') : 'todo';
        const mark = state === 'done' ? '✓' : state === 'failed' ? '✕' : String(i + 1);
        const word = state === 'failed' ? failed : name;
        const spoken = `${word}${state === 'done' ? '，已完成' : state === 'current' ? '，当前' : state === 'todo' ? '，未开始' : ''}`;
        return (
          <View key={name} className={`step is-${state}`} {...a11y('listitem', spoken)}>
            <Text className="step-mark">{mark}</Text>
            <Text className="step-name small">{word}</Text>
          </View>
        );
      })}
    </View>
  );
}
