/**
 * The peak resident set of this process, for benchmarks run in a child process of their own:
 * the kernel's VmHWM on Linux, else the largest RSS sampled every 5 ms since `trackPeak()`.
 */
import { readFileSync } from 'node:fs';

export interface PeakTracker {
  /** Stops sampling and returns the peak in MB. */
  stop(): number;
}

export function trackPeak(): PeakTracker {
  let sampled = 0;
  const sampler = setInterval(() => {
    sampled = Math.max(sampled, process.memoryUsage().rss);
  }, 5);
  return {
    stop() {
      clearInterval(sampler);
      try {
        const m = /VmHWM:\s*(\d+)\s*kB/.exec(readFileSync('/proc/self/status', 'utf8'));
        if (m) return Number(m[1]) / 1024;
      } catch {
        // Not Linux: the largest resident set sampled.
      }
      return sampled / 1048576;
    },
  };
}
