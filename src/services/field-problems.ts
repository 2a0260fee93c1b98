/** What the forms need of a zod schema, without importing zod's types into every page. */
interface Checkable {
  safeParse(value: unknown): { success: boolean; error?: { issues: readonly { path: readonly (string | number)[]; message: string }[] } };
}

/**
 * The contract's first message for each part of `input` that fails `schema`, so a form shows the same
 * words the cloud function would answer with. Keyed by the dotted path (`answers.family`,
 * `problems.0.text`) and by the top-level field alone (`answers`).
 */
export function fieldProblems(schema: Checkable, input: unknown): Record<string, string> {
  const r = schema.safeParse(input);
  const found: Record<string, string> = {};
  for (const issue of r.success ? [] : (r.error?.issues ?? [])) {
    found[issue.path.join('.')] ??= issue.message;
    if (issue.path.length > 1) found[String(issue.path[0])] ??= issue.message;
  }
  return found;
}

/** The contract's first message for `field` of `input`, or undefined when that field passes. */
export const fieldProblem = (schema: Checkable, input: unknown, field: string): string | undefined => fieldProblems(schema, input)[field];
