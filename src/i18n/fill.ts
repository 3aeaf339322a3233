/** Fills `{name}` placeholders of a message with its arguments; unknown names stay as written. */
export function fill(template: string, args: Record<string, string | number | undefined>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (args[k] === undefined ? m : String(args[k])));
}
