import { Text, View } from '@tarojs/components';
import { consultTypeLabels, type ConsultType } from '../../../types/consults';
import { a11y } from '../../components/a11y';
import '../type-icons.scss';

const types = Object.entries(consultTypeLabels) as [ConsultType, string][];

/** Every kind of help as a big icon over its words; the chosen one carries a ✓ and a thick border, not colour alone. */
export default function TypeGrid({ value, onChoose }: { value: ConsultType | null; onChoose: (type: ConsultType) => void }) {
  return (
    <View className="type-grid" {...a11y('radiogroup', '要办什么事')}>
      {types.map(([type, label]) => {
        const on = type === value;
        return (
          <View
            key={type}
            className={`type-choice ${on ? 'is-on' : ''}`}
            {...a11y('radio', label, { checked: on })}
            onClick={() => onChoose(type)}
          >
            <View className={`type-icon type-icon-${type}`} />
            {/* Broken after the slash, not mid-word: 医保报销 / | 慢性病证. */}
            <View className="type-label">
              {label.split(' / ').map((part, i, parts) => (
                <Text key={part} className="type-label-part">
                  {on && i === 0 ? '✓ ' : ''}
                  {part}
                  {i < parts.length - 1 ? ' /' : ''}
                </Text>
              ))}
            </View>
          </View>
        );
      })}
    </View>
  );
}
