// Ordered concurrent map: runs up to `concurrency` tasks at once and yields results in input order,
// so callers can fold pages in offset order while requests overlap.
export async function* orderedConcurrent<I, O>(
  inputs: Iterable<I>,
  concurrency: number,
  run: (input: I) => Promise<O>,
): AsyncGenerator<O> {
  const it = inputs[Symbol.iterator]();
  const inFlight: Promise<O>[] = [];
  const fill = () => {
    while (inFlight.length < concurrency) {
      const next = it.next();
      if (next.done) return;
      const p = run(next.value);
      p.catch(() => undefined); // handled when awaited; avoid unhandled rejections of later tasks
      inFlight.push(p);
    }
  };
  fill();
  while (inFlight.length > 0) {
    const value = await inFlight.shift()!;
    yield value;
    fill();
  }
}

/** Runs tasks with bounded concurrency and returns all results in input order. */
export async function mapConcurrent<I, O>(
  inputs: readonly I[],
  concurrency: number,
  run: (input: I, index: number) => Promise<O>,
): Promise<O[]> {
  const out: O[] = new Array(inputs.length);
  let next = 0;
  const worker = async () => {
    while (next < inputs.length) {
      const i = next++;
      out[i] = await run(inputs[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, inputs.length) }, worker));
  return out;
}

/** The items in requests of at most `size`, in order (the documented per-request limits). */
export function chunksOf<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
