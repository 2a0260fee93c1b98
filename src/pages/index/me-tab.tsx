import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { roleLabels } from '../../../types/common';
import { routes } from '../../../types/routes';
import type { Profile } from '../../../types/users';
import Cell, { CellGroup } from '../../components/cell';
import { go } from '../../services/navigate';
import { textSizeLabels, useTextSize } from '../../services/text-size';

/** The 我的 tab: who this WeChat is bound to, and the settings. */
export default function MeTab({ profile }: { profile: Profile }) {
  const size = useTextSize();
  return (
    <View>
      <View className="card">
        <Text className="title">{profile.name}</Text>
        <View>{roleLabels[profile.role]}</View>
        <View className="muted">{profile.villageName ?? profile.scope.name}</View>
      </View>
      <CellGroup title="设置">
        <Cell title="字号" value={textSizeLabels[size]} onTap={go(routes.settings)} />
      </CellGroup>
      {process.env.TARO_ENV === 'h5' && (
        <CellGroup title="本地演示">
          <Cell title="切换演示用户" onTap={() => void Taro.redirectTo({ url: routes.devLogin })} />
        </CellGroup>
      )}
    </View>
  );
}
