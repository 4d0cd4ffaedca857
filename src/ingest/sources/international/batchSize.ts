/** How many observations the international parsers put in one batch (memory stays flat, calls stay few). */
export const batchSize = 5000;
