import { z } from 'zod';

const typeNames: Partial<Record<string, string>> = {
  string: '文字',
  number: '数字',
  integer: '整数',
  boolean: '是或否',
  object: '一组内容',
  array: '列表',
  date: '日期',
  undefined: '空',
  null: '空',
  nan: '数字',
};
const typeName = (t: string) => typeNames[t] ?? '内容';

/** "第 2 项的 text" rather than a bare path, so a message names the field it is about. */
const where = (path: (string | number)[]) => {
  const named = path.filter((p) => typeof p === 'string').pop();
  return named ? `“${named}”` : '';
};

/**
 * Chinese for every message zod would otherwise write in English. A schema's own
 * message (`.min(5, '心愿至少写 5 个字')`) still wins; this covers the rest:
 * missing fields, wrong types, unknown keys, bad enums and sizes.
 */
export const zhErrorMap: z.ZodErrorMap = (issue, ctx) => {
  // A schema's own error map (an enum's "请选择心愿类别") has already spoken: keep its words.
  if (/[\u4e00-\u9fff]/.test(ctx.defaultError)) return { message: ctx.defaultError };
  const at = where(issue.path);
  switch (issue.code) {
    case z.ZodIssueCode.invalid_type:
      if (issue.received === 'undefined') return { message: `缺少必填项${at}` };
      return { message: `${at}应为${typeName(issue.expected)}，收到的是${typeName(issue.received)}` };
    case z.ZodIssueCode.unrecognized_keys:
      // Usually an out-of-date client; the keys themselves are the caller's words, not ours to echo.
      return { message: '包含不认识的内容，请更新小程序后重试' };
    case z.ZodIssueCode.invalid_enum_value:
    case z.ZodIssueCode.invalid_literal:
    case z.ZodIssueCode.invalid_union:
    case z.ZodIssueCode.invalid_union_discriminator:
      return { message: `${at}的取值不在可选范围内` };
    case z.ZodIssueCode.too_small:
      if (issue.type === 'string') return { message: `${at}至少 ${String(issue.minimum)} 个字` };
      if (issue.type === 'array') return { message: `${at}至少要有 ${String(issue.minimum)} 项` };
      return { message: `${at}不能小于 ${String(issue.minimum)}` };
    case z.ZodIssueCode.too_big:
      if (issue.type === 'string') return { message: `${at}最多 ${String(issue.maximum)} 个字` };
      if (issue.type === 'array') return { message: `${at}最多 ${String(issue.maximum)} 项` };
      return { message: `${at}不能大于 ${String(issue.maximum)}` };
    case z.ZodIssueCode.invalid_string:
      return { message: `${at}格式不对` };
    case z.ZodIssueCode.not_multiple_of:
      return { message: `${at}应为 ${String(issue.multipleOf)} 的整数倍` };
    case z.ZodIssueCode.not_finite:
      return { message: `${at}应为有限的数字` };
    case z.ZodIssueCode.invalid_date:
      return { message: `${at}不是有效的日期` };
    default:
      return { message: '填写的内容有误' };
  }
};
