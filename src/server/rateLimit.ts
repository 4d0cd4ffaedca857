// A token bucket per client address for the write routes (those that need the admin token): a client may send
// `burst` writes at once, then one more every 60/`perMinute` seconds. Checked before the token, so guessing tokens
// is slowed as much as writing. No fastify plugin for this is installed, and the rule is a few lines; the buckets
// live in the process (one server), and a full bucket is forgotten, so memory follows the clients active in the
// last minute or so, and is capped besides.
import { TooManyRequestsError } from "./errors.ts";

/** How many writes a client may make: `burst` at once, `perMinute` sustained. */
export interface WriteRateLimit {
  readonly burst: number;
  readonly perMinute: number;
}

/** The limit when the effects give none: 20 writes at once, then 20 a minute per client address. */
export const defaultWriteRateLimit: WriteRateLimit = { burst: 20, perMinute: 20 };

/** The most client buckets kept; beyond it the oldest is dropped (it then starts full again). */
const maxClients = 10_000;

/** Token buckets by client address. `now` is a monotonic clock in milliseconds (tests pass their own). */
export class WriteRateLimiter {
  private readonly limit: WriteRateLimit;
  private readonly now: () => number;
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(limit: WriteRateLimit = defaultWriteRateLimit, now: () => number = () => performance.now()) {
    if (!(limit.burst >= 1 && limit.perMinute > 0)) throw new RangeError(`write rate limit needs burst >= 1 and perMinute > 0, not ${JSON.stringify(limit)}`);
    this.limit = limit;
    this.now = now;
  }

  /** Takes one write from `client`'s bucket; throws TooManyRequestsError (429, with the seconds to wait) when empty. */
  take(client: string): void {
    const now = this.now();
    const perMs = this.limit.perMinute / 60_000;
    const previous = this.buckets.get(client);
    const tokens = previous === undefined ? this.limit.burst : Math.min(this.limit.burst, previous.tokens + (now - previous.at) * perMs);
    if (tokens < 1) {
      const wait = Math.max(1, Math.ceil((1 - tokens) / perMs / 1000));
      this.buckets.delete(client);
      this.buckets.set(client, { tokens, at: now });
      throw new TooManyRequestsError(`too many writes from ${client}: at most ${this.limit.burst} at once and ${this.limit.perMinute} a minute; retry in ${wait} s`, wait);
    }
    this.buckets.delete(client);
    this.buckets.set(client, { tokens: tokens - 1, at: now });
    this.forgetIdle(now);
  }

  /** Drops buckets that have filled up again (they would start full anyway) and the oldest beyond maxClients. */
  private forgetIdle(now: number): void {
    const refill = (this.limit.burst / this.limit.perMinute) * 60_000;
    for (const [client, bucket] of this.buckets) {
      if (this.buckets.size <= maxClients && now - bucket.at < refill) break;
      this.buckets.delete(client);
    }
  }
}
