import { describe, expect, it } from 'vitest';
import { clientIp } from './client-ip';

describe('the caller address throttling keys on', () => {
  it('is what our outermost proxy saw, not what the caller wrote before it', () => {
    expect(clientIp('203.0.113.9', null, 1)).toBe('203.0.113.9');
    expect(clientIp('1.2.3.4, 203.0.113.9', null, 1)).toBe('203.0.113.9'); // the caller claimed 1.2.3.4
    expect(clientIp('1.2.3.4, 203.0.113.9, 10.0.0.2', null, 2)).toBe('203.0.113.9'); // a CDN, then the balancer
  });

  it('falls back to the first entry, then X-Real-IP, then a shared key', () => {
    expect(clientIp('203.0.113.9', null, 3)).toBe('203.0.113.9');
    expect(clientIp(' , ', '198.51.100.4', 1)).toBe('198.51.100.4');
    expect(clientIp(undefined, undefined, 1)).toBe('unknown');
  });
});
