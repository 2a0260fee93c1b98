import Taro from '@tarojs/taro';
import { householdLink, routes } from '../../../types/routes';
import BigButton from '../big-button';

/**
 * The way out of a form that was sent: staff who opened it for a household (`?householdId=`) go back
 * to that household's page, which they came from; a villager goes home.
 */
export default function ReturnButton({ householdId }: { householdId: string }) {
  return householdId ? (
    <BigButton kind="secondary" onTap={() => void Taro.redirectTo({ url: householdLink(householdId) })}>
      回到这一户
    </BigButton>
  ) : (
    <BigButton kind="secondary" onTap={() => void Taro.reLaunch({ url: routes.home })}>
      回到首页
    </BigButton>
  );
}
