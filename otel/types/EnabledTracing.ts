/** What {@link enableTracing} returns: the switch that turns it off. */
export interface EnabledTracing {
  /**
   * Stops tracing: groups, subscriptions and calls opened from now on make no spans (those open
   * still end theirs). Does nothing if tracing was enabled again since, or disabled already.
   */
  disable(): void;
}
