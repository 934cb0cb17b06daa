import { describe, expect, it } from 'vitest';
import { cpuBetween, type CpuReading } from './cpu';

describe('CPU between two readings', () => {
  it('counts a process that started meanwhile from nothing and leaves out one that ended, never less than nothing', () => {
    const before: CpuReading = new Map([
      ['10', { kind: 'app', ms: 1_000 }],
      ['20', { kind: 'db', ms: 500 }], // a pooled connection that closes during the run
      ['30', { kind: 'db', ms: 200 }],
    ]);
    const after: CpuReading = new Map([
      ['10', { kind: 'app', ms: 1_900 }],
      ['30', { kind: 'db', ms: 260 }],
      ['40', { kind: 'db', ms: 40 }], // a connection opened during the run
    ]);
    expect(cpuBetween(before, after)).toEqual({ app: 900, db: 100 });
  });
});
