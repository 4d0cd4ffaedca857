/** Observations per batch of every Eurostat parser: large enough to amortise a store insert, small enough for flat memory. */
export const batchSize = 10_000;
