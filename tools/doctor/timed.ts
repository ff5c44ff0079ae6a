/** A call, with how long it took, and its error instead of a throw: a check reports both. */
export async function timed<T>(work: () => Promise<T>): Promise<{ value?: T; error?: Error; ms: number }> {
  const started = performance.now();
  try {
    return { value: await work(), ms: Math.round(performance.now() - started) };
  } catch (error) {
    return { error: error as Error, ms: Math.round(performance.now() - started) };
  }
}
