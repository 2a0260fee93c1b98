import { Image, Text, View } from '@tarojs/components';
import { visitModeLabels, visitQuestionLabels, visitQuestions, type Visit } from '../../types';
import { a11y } from '../components/a11y';
import { formatDay } from '../services/format';

/** One logged visit as the record book shows it: when, how, by whom, the four answers, what was found. */
export default function VisitCard({ visit, today }: { visit: Visit; today: string }) {
  return (
    <View className="card visit-card" {...a11y('article', `${formatDay(visit.visitedOn, today)}${visitModeLabels[visit.mode]}`)}>
      <View className="visit-card-head">
        <Text className="badge">{visitModeLabels[visit.mode]}</Text>
        <Text className="visit-card-date">{formatDay(visit.visitedOn, today)}</Text>
      </View>
      <View className="small muted">{visit.visitor}</View>
      <View className="visit-answers">
        {visitQuestions.map((q) => (
          <View key={q} className="visit-answer">
            <Text className="visit-question">{visitQuestionLabels[q]}：</Text>
            <Text>{visit.answers[q]}</Text>
          </View>
        ))}
      </View>
      {visit.problems.length > 0 && (
        <View className="visit-problems">
          <View className="section-title">发现的问题</View>
          {visit.problems.map((p) => (
            <View key={p.followUpId} className="visit-problem">
              <View>{p.text}</View>
              <View className="small muted">
                {p.owner}跟进，{formatDay(p.dueDate, today)}前
              </View>
            </View>
          ))}
        </View>
      )}
      {visit.photoUrls.length > 0 && (
        <View className="visit-photos">
          {visit.photoUrls.map((url, i) => (
            <Image key={url} className="visit-photo" src={url} mode="aspectFill" lazyLoad {...a11y('img', `走访照片 ${i + 1}`)} />
          ))}
        </View>
      )}
    </View>
  );
}
