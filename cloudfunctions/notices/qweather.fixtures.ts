import type { QWeatherAnswer } from '../core/adapters/qweather-warning-answer';

/**
 * Answers in the documented shape of QWeather's GET /v7/warning/now (dev.qweather.com, 天气灾害预警):
 * code "200", updateTime, and warning[] with id, sender, pubTime, title, startTime, endTime, status,
 * level, severity, severityColor, type, typeName, urgency, certainty, text, related. The demo county's
 * location code is the one in config/weather-locations.json.
 */
export const DEMO_LOCATION = '101090101';

type Warning = NonNullable<QWeatherAnswer['warning']>[number] & Record<string, unknown>;

export const rainstorm = (over: Partial<Warning> = {}): Warning => ({
  id: '10109010120261127080000001',
  sender: '青禾县气象台',
  pubTime: '2026-11-24T09:30+08:00',
  title: '青禾县气象台发布暴雨黄色预警信号',
  startTime: '2026-11-24T09:30+08:00',
  endTime: '2026-11-25T09:30+08:00',
  status: 'active',
  level: '',
  severity: 'Moderate',
  severityColor: 'Yellow',
  type: '1003',
  typeName: '暴雨',
  urgency: '',
  certainty: '',
  text: '青禾县气象台2026年11月24日09时30分发布暴雨黄色预警信号：预计未来6小时内我县大部地区将出现50毫米以上降雨，请注意防范。',
  related: '',
  ...over,
});

export const answer = (...warning: Warning[]): QWeatherAnswer =>
  ({
    code: '200',
    updateTime: '2026-11-24T10:00+08:00',
    fxLink: 'https://www.qweather.com/severe-weather/qinghe-101090101.html',
    warning,
    refer: { sources: ['12379'], license: ['QWeather Developers License'] },
  }) as QWeatherAnswer;

/** The same warning raised to red: a new id, naming the yellow one it replaces. */
export const rainstormRed = (over: Partial<Warning> = {}) =>
  rainstorm({
    id: '10109010120261127100000002',
    pubTime: '2026-11-24T10:00+08:00',
    title: '青禾县气象台升级暴雨红色预警信号',
    status: 'update',
    severity: 'Extreme',
    severityColor: 'Red',
    endTime: '2026-11-25T12:00+08:00',
    text: '青禾县气象台2026年11月24日10时00分将暴雨黄色预警信号升级为红色：预计未来3小时内降雨将达100毫米以上，请立即转移低洼地带人员。',
    related: '10109010120261127080000001',
    ...over,
  });

export const rainstormCancel = (over: Partial<Warning> = {}) =>
  rainstorm({
    id: '10109010120261127140000003',
    pubTime: '2026-11-24T14:00+08:00',
    title: '青禾县气象台解除暴雨预警信号',
    status: 'cancel',
    severity: 'Cancel',
    severityColor: '',
    text: '青禾县气象台2026年11月24日14时00分解除暴雨预警信号。',
    related: '10109010120261127100000002',
    ...over,
  });
