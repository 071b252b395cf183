/** Runs tasks one after another in the order they were queued, so overlapping calls never interleave. */
export class SerialQueue {
  #tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(task);
    this.#tail = result.catch(() => undefined);
    return result;
  }

  /** Resolves when every task queued so far has finished. */
  get idle(): Promise<unknown> {
    return this.#tail;
  }
}
