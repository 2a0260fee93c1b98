import { Textarea } from '@tarojs/components';
import { fieldLabel } from '../components/a11y';
import Chips from '../components/chips';
import Field from '../components/field';

/** The chip that says the reason is in the words below. */
export const OTHER_REASON = '其他原因';

/** The reason as sent: the chip, then the person's own words after a colon; only the words for 其他原因. */
export function reasonText(chip: string | null, words: string): string {
  const own = words.trim();
  if (chip === null || chip === OTHER_REASON) return own;
  return own ? `${chip}：${own}` : chip;
}

interface Props {
  label: string;
  /** The common reasons, one tap each; OTHER_REASON is added last. */
  presets: readonly string[];
  chip: string | null;
  words: string;
  error?: string;
  onChip: (chip: string) => void;
  onWords: (words: string) => void;
}

/** A reason in one tap (户主外出…) with room for the person's own words, which 其他原因 requires. */
export default function ReasonField({ label, presets, chip, words, error, onChip, onWords }: Props) {
  const options = [...presets, OTHER_REASON].map((p) => ({ value: p, label: p }));
  return (
    <>
      <Field label={label}>
        <Chips label={label} options={options} value={chip} onChange={onChip} />
      </Field>
      <Field
        label={chip === OTHER_REASON ? '请写下原因' : '补充说明（可不填）'}
        error={error}
        count={{ value: words.trim().length, max: 150 }}
      >
        <Textarea
          className="field reason-text"
          {...fieldLabel(`${label}的说明`)}
          placeholder="例如：到县医院住院了，下周回来"
          value={words}
          maxlength={-1}
          onInput={(e) => onWords(e.detail.value)}
        />
      </Field>
    </>
  );
}
