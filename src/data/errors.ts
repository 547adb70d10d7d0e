/**
 * Turns whatever a provider rejected with into an `Error` with a readable message: providers are
 * third-party code and may reject with a string, an object or nothing at all.
 */
export function toError(error: unknown): Error {
  if (error instanceof Error) return error;
  let text: string;
  try {
    text = typeof error === 'string' ? error : JSON.stringify(error) ?? String(error);
  } catch {
    text = Object.prototype.toString.call(error);
  }
  return new Error(`The provider failed: ${text}`);
}
