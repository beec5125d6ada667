/**
 * Follow mode: the view sticks to the newest entry until the user pauses (button, Space,
 * or scrolling up); while paused, entries keep arriving and are counted as new.
 */
export class FollowState {
  private pausedFlag = false;
  private unseen = 0;

  get following(): boolean {
    return !this.pausedFlag;
  }

  get paused(): boolean {
    return this.pausedFlag;
  }

  /** Rows that arrived while paused. */
  get newCount(): number {
    return this.unseen;
  }

  pause(): void {
    this.pausedFlag = true;
  }

  resume(): void {
    this.pausedFlag = false;
    this.unseen = 0;
  }

  /** Rows matching the filter arrived. */
  arrived(rows: number): void {
    if (this.pausedFlag) this.unseen += rows;
  }

  /** The view was emptied or refiltered: what is new is no longer countable. */
  reset(): void {
    this.unseen = 0;
  }

  /**
   * The user scrolled. Scrolling away from the bottom pauses; scrolling back to it resumes.
   * @param atBottom whether the viewport now shows the last row
   * @param movedUp whether this scroll went up
   */
  scrolled(atBottom: boolean, movedUp: boolean): void {
    if (movedUp && !atBottom) this.pause();
    else if (atBottom && this.pausedFlag && !movedUp) this.resume();
  }
}
