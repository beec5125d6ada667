import { describe, expect, it } from 'vitest';
import { FollowState } from './follow';

describe('FollowState', () => {
  it('counts rows arriving while paused and forgets them on resume', () => {
    const follow = new FollowState();
    follow.arrived(5);
    expect(follow.newCount).toBe(0);
    follow.pause();
    follow.arrived(3);
    follow.arrived(4);
    expect(follow.newCount).toBe(7);
    follow.resume();
    expect(follow.following).toBe(true);
    expect(follow.newCount).toBe(0);
  });

  it('pauses when scrolled up and resumes at the bottom', () => {
    const follow = new FollowState();
    follow.scrolled(false, true);
    expect(follow.paused).toBe(true);
    follow.scrolled(false, false);
    expect(follow.paused).toBe(true);
    follow.scrolled(true, false);
    expect(follow.following).toBe(true);
  });

  it('stays paused when paused by the button at the bottom until scrolled down', () => {
    const follow = new FollowState();
    follow.pause();
    follow.scrolled(true, true);
    expect(follow.paused).toBe(true);
  });
});
