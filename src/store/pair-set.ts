/**
 * A set of (series index, period index) pairs as a bitmap: row = series, column = period, the columns a power of
 * two wide so a pair's bit is `(series << shift) + period`. Marking is a few array operations, which keeps the
 * duplicate check of a 5-million-row release at milliseconds instead of a hash aggregation. Above `maxBits` the
 * set gives up (`overflowed`), and the caller checks duplicates another way.
 */
export class PairSet {
  private words = new Uint32Array(1024);
  private shift = 5;
  overflowed = false;

  constructor(private readonly maxBits = 2 ** 31) {}

  /** Marks the pair; true when it was marked before (a duplicate). Always false once overflowed. */
  mark(series: number, period: number): boolean {
    if (this.overflowed) return false;
    while (period >= 1 << this.shift) if (!this.widen()) return false;
    const bit = series * (1 << this.shift) + period;
    const word = Math.floor(bit / 32);
    if (word >= this.words.length && !this.grow(word)) return false;
    const mask = 1 << (bit & 31);
    const w = this.words[word] as number;
    if (w & mask) return true;
    this.words[word] = w | mask;
    return false;
  }

  private grow(word: number): boolean {
    let length = this.words.length;
    while (length <= word) length *= 2;
    if (length * 32 > this.maxBits) return this.overflow();
    const next = new Uint32Array(length);
    next.set(this.words);
    this.words = next;
    return true;
  }

  // Doubles the columns: every series' row of bits moves to its new place.
  private widen(): boolean {
    const oldWidth = 1 << this.shift;
    const rows = Math.ceil((this.words.length * 32) / oldWidth);
    const newWidth = oldWidth * 2;
    if (rows * newWidth > this.maxBits) return this.overflow();
    const next = new Uint32Array(Math.max(1024, Math.ceil((rows * newWidth) / 32)));
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < oldWidth; c++) {
        const from = r * oldWidth + c;
        if ((this.words[from >>> 5] as number) & (1 << (from & 31))) {
          const to = r * newWidth + c;
          next[to >>> 5] = (next[to >>> 5] as number) | (1 << (to & 31));
        }
      }
    }
    this.words = next;
    this.shift++;
    return true;
  }

  private overflow(): false {
    this.overflowed = true;
    this.words = new Uint32Array(0);
    return false;
  }
}
