/**
 * A refusal as a field shows it: `expected an integer from 1 to 1024`, without the node and
 * path the store's message starts with (the field already says which parameter it is).
 */
export function fieldMessage(error: string): string {
  return error
    .replace(/^node "[^"]*": /, '')
    .replace(/^params(\.[\w[\]]+)*: /, '')
    .replace(/ \(and \d+ more problems?\)$/, '');
}
