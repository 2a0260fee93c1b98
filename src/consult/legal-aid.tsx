import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { LegalAidCard } from '../../types/consults';
import { a11y } from '../components/a11y';

/** Dials a number; a phone that cannot (a tablet, a cancelled dial) just stays on the page. */
const call = (phoneNumber: string) => () => void Taro.makePhoneCall({ phoneNumber }).catch(() => undefined);

function CallRow({ who, phone, address }: { who: string; phone: string; address?: string | null }) {
  return (
    // Named by its own words (who, the number, 拨打), read in order: a label of its own would hide them (WCAG 2.5.3).
    <View className="legal-aid-call" {...a11y('button')} onClick={call(phone)}>
      <View className="legal-aid-who">
        <View>{who}</View>
        <View className="legal-aid-number">{phone}</View>
        {address && <View className="small muted">{address}</View>}
      </View>
      <Text className="legal-aid-dial">拨打</Text>
    </View>
  );
}

/** 法律援助便民服务卡: the hotline, the county's legal-aid centre and the township judicial offices, each a tap to call. */
export default function LegalAid({ card }: { card: LegalAidCard }) {
  return (
    <View className="card legal-aid" {...a11y('region', '法律援助便民服务卡')}>
      <View className="legal-aid-title">法律援助便民服务卡</View>
      <View className="small muted">免费法律咨询，点号码直接打电话。</View>
      <CallRow who="公共法律服务热线" phone={card.hotline} />
      {card.centre && <CallRow who={card.centre.name} phone={card.centre.phone} address={card.centre.address} />}
      {card.judicialOffices.map((o) => (
        <CallRow key={`${o.name}:${o.phone}`} who={o.name} phone={o.phone} address={o.address} />
      ))}
    </View>
  );
}
