/** The error a promise rejects with, when it is a `type` (the test fails when it resolves or rejects otherwise). */
export async function rejectionOf<E extends Error>(promise: Promise<unknown>, type: abstract new (...args: never[]) => E): Promise<E> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof type) return error;
    throw error;
  }
  throw new Error(`expected a rejection with a ${type.name}, but the promise resolved`);
}
