import { describe, expect, it } from 'vitest';
import type { Result } from './load';
import { verdicts } from './report';

const result = (route: string, kind: Result['kind'], reqPerSec: number, p99: number, floor?: Result['floor']): Result => ({
  route, kind, reqPerSec, p50: p99 / 2, p99, errors: 0, non2xx: 0, kbPerResponse: 30, cpuMs: null, floor,
});
const judge = (...routes: Result[]) =>
  verdicts([result('/bench/static', 'floor', 1000, 40), result('/bench/dynamic', 'floor', 200, 150), ...routes], [], [], 20, 136).routes;

describe('the bench’s verdicts', () => {
  it('judge a route by the floor loaded just before it, not by the floor’s first reading', async () => {
    const [, , slowerMachine, fasterMachine] = judge(
      result('/a', 'public', 800, 50, { route: '/bench/static', reqPerSec: 850, p99: 45 }),
      result('/b', 'public', 950, 50, { route: '/bench/static', reqPerSec: 1200, p99: 45 }),
    );
    expect(slowerMachine).toMatchObject({ met: true, ratioToStatic: 0.941 });
    expect(fasterMachine).toMatchObject({ met: false, ratioToStatic: 0.792 });
  });

  it('hold a public page to twice its floor’s p99', () => {
    const [, , page] = judge(result('/a', 'public', 1000, 91, { route: '/bench/static', reqPerSec: 1000, p99: 45 }));
    expect(page.met).toBe(false);
  });

  it('hold a per-user page to 0.85 × its dynamic floor and a p99 under 100 ms', () => {
    const floor = { route: '/bench/dynamic', reqPerSec: 150, p99: 140 };
    const [, , fast, tooSlow, lateTail] = judge(
      result('/me', 'private', 130, 90, floor),
      result('/me', 'private', 120, 90, floor),
      result('/me', 'private', 150, 100, floor),
    );
    expect(fast).toMatchObject({ met: true, ratioToDynamic: 0.867 });
    expect(tooSlow.met).toBe(false);
    expect(lateTail.met).toBe(false);
  });

  it('set a route’s CPU per response against its floor’s, without judging it', () => {
    const floor = { route: '/bench/dynamic', reqPerSec: 150, p99: 140, cpuMs: { app: 6.5, db: 0.1 } };
    const [, , measured, unmeasured] = judge(
      { ...result('/me', 'private', 130, 90, floor), cpuMs: { app: 12.2, db: 1 } },
      result('/me', 'private', 130, 90, floor),
    );
    expect(measured).toMatchObject({ cpuToFloor: 2, met: true });
    expect(unmeasured.cpuToFloor).toBeNull();
  });

  it('count any error, non-2xx answer or failed check as a miss', () => {
    const floor = { route: '/bench/static', reqPerSec: 1000, p99: 40 };
    const [, , errors, non2xx, check] = judge(
      { ...result('/a', 'public', 1000, 40, floor), errors: 1 },
      { ...result('/a', 'public', 1000, 40, floor), non2xx: 1 },
      { ...result('/hook', 'webhook', 500, 60, floor), checks: { ok: false, detail: 'an event applied twice' } },
    );
    expect([errors.met, non2xx.met, check.met]).toEqual([false, false, false]);
  });
});
