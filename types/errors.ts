/**
 * Stable error codes. Codes never change meaning once shipped; the UI keys
 * its Chinese text on them, and the functions send the same text along.
 */
export const errorMessages = {
  'COMMON.BAD_REQUEST': '请求格式不正确',
  'COMMON.UNKNOWN_ACTION': '不支持的操作',
  'COMMON.INVALID_INPUT': '填写的内容有误',
  'COMMON.UNAUTHENTICATED': '无法识别微信身份，请重新进入小程序',
  'COMMON.NOT_BOUND': '请先用邀请码绑定身份',
  'COMMON.FORBIDDEN': '您没有权限进行此操作',
  'COMMON.INTERNAL': '系统繁忙，请稍后再试',
  'COMMON.NETWORK': '网络不给力，请检查网络后重试',
  'COMMON.BUSY': '操作的人太多，请稍后再试',
  'USER.ALREADY_BOUND': '此微信已绑定身份，无需重复绑定',
  'INVITE.NOT_FOUND': '邀请码不存在，请核对后重新输入',
  'INVITE.EXPIRED': '邀请码已过期，请联系驻村干部重新发放',
  'INVITE.USED': '邀请码已被使用，请联系驻村干部重新发放',
  'INVITE.QR_UNAVAILABLE': '二维码暂时生成不了，请稍后再试，也可以把邀请码直接发给对方',
  'MEMBER.NOT_FOUND': '花名册中没有这个人',
  'MEMBER.ALREADY_BOUND': '此人已绑定微信，无需再发邀请码',
  'MEMBER.OUT_OF_SCOPE': '此人不在您负责的范围内',
  'MEMBER.NOT_BOUND': '此人还没有绑定微信，无需解除',
  'WISH.TOO_MANY_OPEN': '您还有未完成的心愿，最多同时提交 3 个',
  'WISH.NOT_FOUND': '找不到这个心愿，可能已被撤回',
  'WISH.ALREADY_CLAIMED': '该心愿已被认领',
  'WISH.CLAIM_LIMIT': '您认领的心愿已经够多了，请先送达已认领的心愿',
  'WISH.BAD_TRANSITION': '这个心愿现在不能这样操作，请刷新后再看',
  'WISH.ALREADY_THANKED': '您已经感谢过了',
  'WISH.CONTENT_RISKY': '内容里有不适合发布的词句，请修改后再提交',
  'HOUSEHOLD.NOT_FOUND': '本村花名册里没有这一户',
  'TASK.NOT_FOUND': '找不到这项任务，可能已被处理',
  'TASK.CLOSED': '这项任务已经完成或跳过了，请刷新后再看',
  'TASK.BAD_DATE': '改期的日期要在今天到 60 天以内',
  'TASK.NEEDS_VISIT': '这项任务要记一次走访才算完成',
  'TASK.NO_HOUSEHOLD': '您还没有绑定到哪一户，请联系驻村干部',
  'POLICY.NOT_FOUND': '没有这个走访规则',
  'VISIT.BAD_DATE': '走访日期不能晚于今天，也不能早于 30 天前',
  'VISIT.BAD_OWNER': '跟进人要是本村的驻村干部或这一户的帮扶责任人',
} as const;

export type ErrorCode = keyof typeof errorMessages;

export const commonErrorCodes = [
  'COMMON.BAD_REQUEST',
  'COMMON.UNKNOWN_ACTION',
  'COMMON.INVALID_INPUT',
  'COMMON.UNAUTHENTICATED',
  'COMMON.NOT_BOUND',
  'COMMON.FORBIDDEN',
  'COMMON.INTERNAL',
  'COMMON.BUSY',
] as const satisfies readonly ErrorCode[];

export const messageFor = (code: string): string => (errorMessages as Record<string, string>)[code] ?? errorMessages['COMMON.INTERNAL'];
