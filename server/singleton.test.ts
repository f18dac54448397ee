import { describe, expect, it, vi } from 'vitest';

describe('processSingleton', () => {
  it('makes the value once and hands the same one to every caller', async () => {
    const { processSingleton } = await import('./singleton');
    const create = vi.fn(() => ({ made: Math.random() }));
    const first = processSingleton('test:once', create);
    expect(processSingleton('test:once', create)).toBe(first);
    expect(create).toHaveBeenCalledTimes(1);
    expect(processSingleton('test:other', () => 'another key')).toBe('another key');
  });

  it('survives a second module graph, as Next.js loads instrumentation and route handlers', async () => {
    const before = (await import('./singleton')).processSingleton('test:graphs', () => ({}));
    vi.resetModules();
    const reloaded = await import('./singleton');
    expect(reloaded.processSingleton('test:graphs', () => ({ fresh: true }))).toBe(before);
  });

  it('lets a test put its own value in and takes it out again', async () => {
    const { overrideProcessSingleton, processSingleton } = await import('./singleton');
    const original = processSingleton('test:override', () => 'original');
    const restore = overrideProcessSingleton('test:override', 'replacement');
    expect(processSingleton('test:override', () => 'unused')).toBe('replacement');
    restore();
    expect(processSingleton('test:override', () => 'unused')).toBe(original);
  });
});
