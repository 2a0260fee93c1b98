import { Input, View } from '@tarojs/components';
import { useState } from 'react';
import { consultsContract, type LegalAidCard } from '../../../types/consults';
import { a11y, fieldLabel } from '../../components/a11y';
import BigButton from '../../components/big-button';
import Field from '../../components/field';
import FormError from '../../components/form-error';
import type { Overlay } from '../../components/overlay/use-overlay';
import { useSubmission } from '../../hooks/use-submission';
import { callCloud, errorText } from '../../services/cloud';

const MAX_OFFICES = 30;

interface Place {
  name: string;
  phone: string;
  address: string;
}
interface Values {
  hotline: string;
  centre: Place;
  offices: Place[];
}
type Errors = Record<string, string>;

const blank = (): Place => ({ name: '', phone: '', address: '' });
const valuesOf = (card: LegalAidCard): Values => ({
  hotline: card.hotline,
  centre: card.centre ?? blank(),
  offices: card.judicialOffices.map((o) => ({ ...o, address: o.address ?? '' })),
});
const empty = (p: Place) => !p.name.trim() && !p.phone.trim() && !p.address.trim();

/** Each field's problem in words, checked against the contract's limits; an all-blank centre means "none". */
function check(v: Values): Errors {
  const e: Errors = {};
  const len = (s: string) => s.trim().length;
  if (len(v.hotline) < 3 || len(v.hotline) > 20) e.hotline = '请填写热线号码，3 到 20 位';
  const place = (p: Place, key: string, addressNeeded: boolean) => {
    if (len(p.name) < 2 || len(p.name) > 40) e[`${key}.name`] = '请填写名称，2 到 40 个字';
    if (len(p.phone) < 5 || len(p.phone) > 20) e[`${key}.phone`] = '请填写电话，5 到 20 位';
    if (addressNeeded ? len(p.address) < 2 || len(p.address) > 80 : len(p.address) > 80)
      e[`${key}.address`] = addressNeeded ? '请填写地址，2 到 80 个字' : '地址最多 80 个字';
  };
  if (!empty(v.centre)) place(v.centre, 'centre', true);
  v.offices.forEach((o, i) => place(o, `offices.${i}`, false));
  return e;
}

const cardOf = (v: Values): LegalAidCard => ({
  hotline: v.hotline.trim(),
  centre: empty(v.centre) ? null : { name: v.centre.name.trim(), phone: v.centre.phone.trim(), address: v.centre.address.trim() },
  judicialOffices: v.offices.map((o) => ({ name: o.name.trim(), phone: o.phone.trim(), address: o.address.trim() || null })),
});

function PlaceFields({
  what,
  place,
  errors,
  prefix,
  onChange,
}: {
  what: string;
  place: Place;
  errors: Errors;
  prefix: string;
  onChange: (p: Place) => void;
}) {
  const input = (key: keyof Place, label: string, placeholder: string) => (
    <Field label={label} error={errors[`${prefix}.${key}`]}>
      <Input
        className="field"
        {...fieldLabel(`${what}${label}`)}
        type={key === 'phone' ? 'number' : 'text'}
        placeholder={placeholder}
        value={place[key]}
        onInput={(e) => onChange({ ...place, [key]: e.detail.value })}
      />
    </Field>
  );
  return (
    <>
      {input('name', '名称', '例如：青禾县法律援助中心')}
      {input('phone', '电话', '例如：03511234567')}
      {input('address', '地址', '例如：县政务服务中心二楼')}
    </>
  );
}

/** A county office keeps its card: the hotline, the legal-aid centre (or none) and each township's judicial office. */
export default function LegalEditForm({
  card,
  overlay,
  onSaved,
}: {
  card: LegalAidCard;
  overlay: Overlay;
  onSaved: (card: LegalAidCard) => void;
}) {
  const [values, setValues] = useState<Values>(() => valuesOf(card));
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const submission = useSubmission();
  const change = (next: Values) => {
    setValues(next);
    if (Object.keys(errors).length > 0) setErrors(check(next));
  };
  const save = async () => {
    const found = check(values);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setFormError(null);
    try {
      const input = cardOf(values);
      const r = await submission.submit(JSON.stringify(input), () => callCloud(consultsContract, 'setLegalCard', input));
      if (!r.sent) return;
      void overlay.toast('服务卡已更新', 'success');
      onSaved(r.value);
    } catch (e) {
      setFormError(errorText(e));
    }
  };
  return (
    <View className="legal-edit">
      <View className="card">
        <Field label="法律服务热线" error={errors.hotline} hint="全国统一是 12348，本县有自己的热线可以改">
          <Input
            className="field"
            {...fieldLabel('法律服务热线')}
            type="number"
            value={values.hotline}
            onInput={(e) => change({ ...values, hotline: e.detail.value })}
          />
        </Field>
      </View>
      <View className="card">
        <View className="section-title">县法律援助中心（没有就都空着）</View>
        <PlaceFields
          what="法律援助中心"
          place={values.centre}
          errors={errors}
          prefix="centre"
          onChange={(centre) => change({ ...values, centre })}
        />
      </View>
      {values.offices.map((o, i) => (
        <View key={i} className="card" {...a11y('group', `第 ${i + 1} 个司法所`)}>
          <View className="section-title">第 {i + 1} 个司法所</View>
          <PlaceFields
            what={`第 ${i + 1} 个司法所`}
            place={o}
            errors={errors}
            prefix={`offices.${i}`}
            onChange={(p) => change({ ...values, offices: values.offices.map((x, j) => (j === i ? p : x)) })}
          />
          <BigButton kind="danger" onTap={() => change({ ...values, offices: values.offices.filter((_, j) => j !== i) })}>
            删掉这个司法所
          </BigButton>
        </View>
      ))}
      {values.offices.length < MAX_OFFICES && (
        <BigButton kind="secondary" onTap={() => change({ ...values, offices: [...values.offices, blank()] })}>
          ＋ 添加乡镇司法所
        </BigButton>
      )}
      <FormError text={formError} />
      <BigButton busy={submission.pending !== null} busyText="正在保存…" onTap={() => void save()}>
        保存服务卡
      </BigButton>
    </View>
  );
}
