import { describe, expect, it } from 'vitest';
import { scrub, serializers } from './logger.js';

describe('the server log', () => {
  it('masks ID numbers and mobile numbers wherever they appear', () => {
    const detail = 'duplicate key value violates unique constraint "people_id_number_key": Key (id_number)=(11010119880412002X) already exists; phone 13912345678';
    const text = scrub(detail)!;
    expect(text).toContain('110101********002X');
    expect(text).toContain('139****5678');
    expect(text).not.toContain('11010119880412002X');
    expect(text).not.toContain('13912345678');
    expect(scrub('订单号 1234567890123456789012 与 2026-11-23')).toBe('订单号 1234567890123456789012 与 2026-11-23');
  });

  it('logs a request by method and path, and an error without its driver detail', () => {
    const req = serializers.req({ method: 'GET', url: '/api/members?org=C&name=%E5%BC%A0', ip: '127.0.0.1' } as never);
    expect(req).toEqual({ method: 'GET', url: '/api/members', remoteAddress: '127.0.0.1' });
    const err = Object.assign(new Error('Key (id_number)=(110101198804120028)'), { code: '23505', detail: 'Key (id_number)=(110101198804120028)' });
    const logged = serializers.err(err as never);
    expect(JSON.stringify(logged)).not.toContain('110101198804120028');
    expect(logged).not.toHaveProperty('detail');
    expect(logged.code).toBe('23505');
  });
});
