/**
 * The one way to turn anything thrown into the text a user reads. Messages thrown by the app are
 * written for the user already; anything else (a string, a number, null) is shown as it prints.
 *
 * @example errorMessage(new Error('The model file is truncated.')) // 'The model file is truncated.'
 * @example errorMessage('gone') // 'gone'
 */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
