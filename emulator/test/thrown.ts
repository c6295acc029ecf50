/** What a call throws, as "Name: message" — how the self-tests compare an error with Google's wording. */
export function thrown(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return `${(e as Error).name}: ${(e as Error).message}`;
  }
  return 'no error';
}
