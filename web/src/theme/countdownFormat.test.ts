import { describe, expect, it } from 'vitest';
import { formatCountdown, minutesLeft } from './countdownFormat';

describe('countdown format', () => {
  it('counts down in m:ss and h:mm:ss, never below zero', () => {
    expect(formatCountdown(14 * 60_000 + 5_000)).toBe('14:05');
    expect(formatCountdown(3_723_000)).toBe('1:02:03');
    expect(formatCountdown(-5)).toBe('0:00');
    expect(formatCountdown(400)).toBe('0:01');
  });

  it('tells whole minutes, rounded up', () => {
    expect(minutesLeft(61_000)).toBe(2);
    expect(minutesLeft(60_000)).toBe(1);
    expect(minutesLeft(0)).toBe(0);
  });
});
