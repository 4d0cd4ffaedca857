// The part of autocannon's API the benchmark uses (the package ships no types).
declare module "autocannon" {
  export interface Histogram { average: number; mean: number; stddev: number; min: number; max: number; p50: number; p90: number; p97_5: number; p99: number }
  export interface Result {
    requests: Histogram; latency: Histogram; throughput: Histogram; duration: number; errors: number; timeouts: number;
    non2xx: number; mismatches: number; connections: number; statusCodeStats: Record<string, { count: number }>;
  }
  export interface Options { url: string; connections?: number; duration?: number; timeout?: number; pipelining?: number; headers?: Record<string, string> }
  export interface Instance {
    on(event: "response", listener: (client: unknown, statusCode: number, resBytes: number, responseTime: number) => void): Instance;
    on(event: "done", listener: (result: Result) => void): Instance;
  }
  function autocannon(options: Options, callback: (error: Error | null, result: Result) => void): Instance;
  export default autocannon;
}
